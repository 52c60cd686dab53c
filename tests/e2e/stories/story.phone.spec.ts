import { expect, test } from '@playwright/test';
import { loginAs } from '../helpers';

test('a resident sends a story on a phone, an officer publishes it, a 事迹宣讲 event tells it', async ({
	page,
	browser
}) => {
	const title = `菜场阿姨退回多收的钱 ${Date.now() % 100000}`;
	await page.goto('/stories/send', { waitUntil: 'networkidle' });
	await page.getByLabel('故事标题').fill(title);
	await page.getByLabel('主人公是').selectOption('person');
	await page.getByLabel('主人公姓名或单位名称').fill('菜场摊主陈阿姨');
	await page.getByLabel('所在街镇').selectOption({ label: '佘山镇' });
	await page
		.getByLabel('故事内容')
		.fill(
			'上周六我在菜场买菜，陈阿姨算错账多收了我八元钱，她追了两个路口把钱还给我，说做生意要对得起良心。'
		);
	await page.getByLabel('标签（可选）').fill('诚信经营、计量诚信');
	await page.getByLabel('联系电话').fill('13912345678');
	const widths = await page.evaluate(() => [
		document.documentElement.scrollWidth,
		window.innerWidth
	]);
	expect(widths[0]).toBeLessThanOrEqual(widths[1]);
	await page.getByRole('button', { name: '提交故事' }).click();
	await expect(page).toHaveURL(/\/stories\/receipt\/[A-Za-z0-9_-]+/);
	await expect(page.locator('.facts')).toContainText('投稿');
	const receipt = new URL(page.url()).pathname;

	// An officer of the town publishes it; the phone number is theirs alone to see.
	const ctx = await browser.newContext();
	const office = await ctx.newPage();
	await loginAs(office, 'town_officer', ['sheshan']);
	await office.goto('/staff/stories?state=submitted');
	await office.getByRole('link', { name: title }).click();
	await expect(office.getByText('13912345678')).toBeVisible();
	await office.getByRole('button', { name: '发布' }).click();
	await expect(office.locator('.facts')).toContainText('已发布');
	const storyId = Number(/\/staff\/stories\/(\d+)/.exec(office.url())![1]);

	// The receipt follows; the story is public, in open data and on the home page.
	await page.goto(receipt);
	await expect(page.locator('.facts')).toContainText('已发布');
	await page.goto('/stories?town=sheshan');
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await page.goto(`/stories/${storyId}`);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('13912345678')).toHaveCount(0);
	const api = await (await page.request.get('/api/v1/stories?town=sheshan')).json();
	const item = api.items.find((s: { id: number }) => s.id === storyId);
	expect(item).toMatchObject({ title, tags: ['诚信经营', '计量诚信'] });
	expect(JSON.stringify(api)).not.toContain('13912345678');
	await page.goto('/');
	await expect(page.getByRole('link', { name: title })).toBeVisible();

	// A 事迹宣讲 event tells it.
	await office.goto('/staff/events/new');
	const eventTitle = `身边的诚信故事宣讲 ${Date.now() % 100000}`;
	await office.getByLabel('活动主题').selectOption({ label: '诚信进社区' });
	await office.getByLabel('活动名称').fill(eventTitle);
	await office.getByLabel('活动形式').selectOption({ label: '事迹宣讲' });
	await office.getByLabel('参与人数').fill('60');
	await office.getByText('受众、进校园与诚信故事（可选）').click();
	await office.getByLabel(title).check();
	await office.getByRole('button', { name: '保存活动' }).click();
	await expect(office.getByRole('heading', { name: eventTitle })).toBeVisible({ timeout: 20_000 });
	const eventId = Number(/\/staff\/events\/(\d+)/.exec(office.url())![1]);
	await ctx.close();

	await page.goto(`/events/${eventId}`);
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 2, name: '讲述过这个故事的活动' })).toBeVisible();
	await expect(page.getByRole('link', { name: eventTitle })).toBeVisible();
});
