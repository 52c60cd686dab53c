import { expect, test } from '@playwright/test';
import { createUser, login, loginAs, loginAsAdmin } from '../helpers';
import { withCheckCharacter } from '../../../src/lib/uscc';

test('an officer registers a wet market, an inspection names it, the public sees it with the overdue instrument in red', async ({
	page,
	browser
}) => {
	await loginAs(page, 'town_officer', ['sheshan']);
	await page.goto('/staff/metrology/new');
	const name = `佘山测试农贸市场 ${Date.now() % 100000}`;
	await page.getByLabel('单位名称').fill(name);
	await expect(page.getByLabel('单位类型')).toHaveValue('wet_market');
	const digits = String(Date.now()).slice(-6);
	await page.getByLabel('统一社会信用代码').fill(withCheckCharacter(`91310117MA1${digits}`));
	await page.getByLabel('地址').fill('佘山镇菜场路 8 号');
	await page.getByLabel('纬度').fill('31.0951');
	await page.getByLabel('经度').fill('121.1955');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const id = Number(/\/staff\/metrology\/(\d+)/.exec(page.url())![1]);

	// Two fair scales, one check, and an instrument whose verification has lapsed.
	for (const serial of ['GP-01', 'GP-02']) {
		await page.getByLabel('公平秤编号').fill(serial);
		await page.getByRole('button', { name: '添加公平秤' }).click();
		await expect(page.getByRole('heading', { name: new RegExp(`公平秤 ${serial}`) })).toBeVisible();
	}
	await page.getByLabel('核查人').fill('区计量所 王工');
	await page.getByRole('button', { name: '记录核查' }).click();
	await expect(page.getByText('区计量所 王工')).toBeVisible();
	await page.getByLabel('出厂编号').fill('DZC-2024-77');
	await page.getByLabel('上次检定日期').fill('2025-03-01');
	await page.getByLabel('下次检定日期').fill('2026-03-01');
	await page.getByRole('button', { name: '添加计量器具' }).click();
	await expect(page.locator('#instruments').getByText('已超期')).toBeVisible();

	// Not yet named: not public.
	expect((await page.request.get(`/metrology/${id}`)).status()).toBe(404);

	// An inspector scores it against the unit creation standard.
	const ctx = await browser.newContext();
	const inspectorPage = await ctx.newPage();
	const inspector = createUser('inspector', ['sheshan']);
	await login(inspectorPage, inspector.username, inspector.password);
	await inspectorPage.goto(`/staff/metrology/${id}`);
	await inspectorPage.getByRole('button', { name: '检查评审（创建标准）' }).click();
	await expect(inspectorPage.getByText('诚信计量示范单位创建标准')).toBeVisible();
	await expect(inspectorPage.getByRole('note').first()).toContainText('DZC-2024-77');
	for (const b of await inspectorPage.getByRole('button', { name: '满分' }).all()) await b.click();
	await inspectorPage.getByRole('button', { name: '提交评审' }).click();
	await expect(inspectorPage.getByRole('status')).toContainText('总分 100');
	await ctx.close();

	await page.goto(`/staff/metrology/${id}`);
	await expect(page.locator('.facts')).toContainText('已命名');

	// The public list and the unit's page, the overdue instrument in red.
	await page.goto('/metrology?town=sheshan');
	const row = page.getByRole('row', { name: new RegExp(name) });
	await expect(row).toContainText('1 件检定超期');
	await row.getByRole('link', { name }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const overdue = page.getByRole('cell', { name: '已超期' });
	await expect(overdue).toBeVisible();
	expect(await overdue.evaluate((el) => getComputedStyle(el).color)).toMatch(
		/rgb\((1[5-9]\d|2\d\d), \d{1,2}, \d{1,2}\)/
	);
	await expect(page.getByRole('cell', { name: 'GP-02' })).toBeVisible();

	// The map's layer and open data carry it.
	const layer = await (await page.request.get('/api/v1/metrology-units/map')).json();
	expect(layer.items.find((u: { id: number }) => u.id === id)).toMatchObject({
		fairScales: 2,
		overdue: 1
	});
	const open = await (await page.request.get('/api/v1/metrology-units?town=sheshan')).json();
	expect(open.items.map((u: { id: number }) => u.id)).toContain(id);
	await page.goto('/map?view=31.0951,121.1955,17');
	await expect(page.locator(`.cx-unit[title="${name}"]`)).toBeVisible();
});

test('a youth event reaching two schools with 300 students shows in the education view', async ({
	page
}) => {
	await loginAsAdmin(page);
	await page.goto('/staff/events/new');
	const title = `法治信用进课堂 ${Date.now() % 100000}`;
	await page.getByLabel('活动主题').selectOption({ label: '诚信进校园' });
	await page.getByLabel('活动名称').fill(title);
	await page.getByLabel('活动形式').selectOption({ label: '培训讲座' });
	await page.getByLabel('街镇').selectOption({ label: '佘山镇' });
	await page.getByLabel('参与人数').fill('320');
	await page.getByText('受众、进校园与诚信故事（可选）').click();
	await page.getByLabel('教师').fill('20');
	await page.getByLabel('法治信用一体化活动类型').selectOption('lesson');
	await page
		.getByLabel('学校 1', { exact: true })
		.selectOption({ label: '上海市松江区佘山小学（演示）' });
	await page.getByLabel('学校 1 的学生人数').fill('180');
	await page
		.getByLabel('学校 2', { exact: true })
		.selectOption({ label: '上海市松江区佘山中学（演示）' });
	await page.getByLabel('学校 2 的学生人数').fill('120');
	await page.getByRole('button', { name: '保存活动' }).click();
	// the form posts through the outbox, which sends a lost request again after a few seconds
	await expect(page.getByRole('heading', { name: title })).toBeVisible({ timeout: 20_000 });
	await expect(page.locator('.reach-facts')).toContainText('学生 300 人');

	await page.goto('/staff/events/youth');
	const reached = page.locator('section', {
		has: page.getByRole('heading', { name: /已走进的学校/ })
	});
	await expect(reached).toContainText('上海市松江区佘山小学（演示）');
	await expect(reached).toContainText('上海市松江区佘山中学（演示）');
	const sheshan = page.getByRole('row', { name: /佘山镇/ }).first();
	await expect(sheshan).toBeVisible();
	await expect(page.getByRole('row', { name: /课堂/ })).toBeVisible();
	await page.goto('/staff/campaign');
	await expect(page.getByRole('heading', { name: /计量、青少年与诚信故事/ })).toBeVisible();
});
