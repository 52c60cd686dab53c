import { expect, test } from '@playwright/test';
import { createUser, login, loginAsAdmin } from '../helpers';

const pdf = (name: string) => ({
	name,
	mimeType: 'application/pdf',
	buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
});

test('a town applies with evidence for every item, the district scores it, the public sees it named', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const officer = createUser('town_officer', ['yongfeng']);
	await login(page, officer.username, officer.password);
	await page.goto('/staff/plan/credit-town');
	await page.getByRole('button', { name: '开始申报' }).click();
	await expect(page).toHaveURL(/\/staff\/plan\/credit-town\/\d+$/);
	const url = new URL(page.url()).pathname;

	// Filed with the first item only: refused beside the next item, what was typed kept.
	const items = page.locator('fieldset[data-testid^="item-T"]');
	const scored = items.filter({ has: page.getByLabel('创建情况') });
	const n = await scored.count();
	expect(n).toBe(9);
	await scored.nth(0).getByLabel('创建情况').fill('成立了以街道主任为组长的领导小组');
	await page.getByRole('button', { name: '提交申报' }).click();
	await expect(scored.nth(1).getByRole('alert')).toContainText('请填写 T2 项的创建情况');
	await expect(scored.nth(0).getByLabel('创建情况')).toHaveValue(
		'成立了以街道主任为组长的领导小组'
	);

	for (let i = 0; i < n; i++) {
		const item = scored.nth(i);
		if (i > 0) await item.getByLabel('创建情况').fill(`第 ${i + 1} 项已落实，详见佐证材料`);
		await item.getByLabel('佐证材料').setInputFiles(pdf(`佐证-${i + 1}.pdf`));
	}
	await page.getByRole('button', { name: '提交申报' }).click();
	await expect(page.getByText('已申报，等待区级受理')).toBeVisible();
	await expect(page.getByRole('link', { name: '佐证-1.pdf' })).toBeVisible();
	const fileHref = await page.getByRole('link', { name: '佐证-1.pdf' }).getAttribute('href');

	// Another town's officer neither reads the application nor its evidence.
	const other = createUser('town_officer', ['guangfulin']);
	const ctx = await browser.newContext();
	const otherPage = await ctx.newPage();
	await login(otherPage, other.username, other.password);
	expect([403, 404]).toContain((await otherPage.goto(url))!.status());
	expect([403, 404]).toContain((await otherPage.request.get(fileHref!)).status());
	expect([403, 404]).toContain(
		(
			await otherPage.request.post(`${url}?/save`, {
				form: { note: '篡改', intent: 'submit' },
				headers: { origin: new URL(page.url()).origin }
			})
		).status()
	);
	await ctx.close();

	// The district accepts it and scores every item.
	const adminCtx = await browser.newContext();
	const admin = await adminCtx.newPage();
	await loginAsAdmin(admin);
	await admin.goto('/staff');
	await expect(admin.getByText('待受理的信用街镇示范创建申报')).toBeVisible();
	await admin.goto('/staff/admin/credit-towns?status=submitted');
	await admin.getByRole('link', { name: '永丰街道' }).click();
	await admin.getByRole('button', { name: '受理，进入创建中' }).click();
	await expect(admin.getByText('已受理，进入创建中')).toBeVisible();
	const sheet = admin.locator('section[data-testid^="item-T"]');
	const points = sheet.getByLabel(/得分/);
	const count = await points.count();
	expect(count).toBe(9);
	for (let i = 0; i < count; i++) {
		const max = await points.nth(i).getAttribute('max');
		await points.nth(i).fill(String(Number(max) - (i === 0 ? 1 : 0)));
	}
	await sheet.first().getByLabel('评审意见').fill('领导小组分工可再细化');
	await admin.getByRole('button', { name: '提交评审结果' }).click();
	await expect(admin.getByText('评审结果已提交')).toBeVisible();
	await expect(admin.locator('dl.facts')).toContainText('已命名');
	await expect(admin.locator('dl.facts')).toContainText('99 分');
	await adminCtx.close();

	// The town sees its name and the district's comment.
	await page.goto(url);
	await expect(page.locator('dl.facts')).toContainText('已命名');
	await expect(page.getByText('领导小组分工可再细化')).toBeVisible();

	// The public home and the open data.
	await page.goto('/');
	await expect(page.getByTestId('credit-town-yongfeng')).toContainText('永丰街道');
	const api = await page.request.get('/api/v1/towns?town=yongfeng');
	const body = await api.json();
	expect(body.items[0].creditTown).toMatchObject({ status: 'named' });
	expect(body.items[0].creditTown.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	const all = await (await page.request.get('/api/v1/towns')).json();
	expect(all.items.find((t: { slug: string }) => t.slug === 'yueyang').creditTown).toBeNull();
	expect(all.items.find((t: { slug: string }) => t.slug === 'fangsong').creditTown).toMatchObject({
		status: 'named'
	});
	expect(
		all.items.find((t: { slug: string }) => t.slug === 'xiaokunshan').creditTown
	).toMatchObject({ status: 'failed' });
});
