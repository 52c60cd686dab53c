import { expect, test } from '@playwright/test';
import { loginAs, loginAsAdmin } from '../helpers';

test('a town officer sees and changes only their own town', async ({ page, browser }) => {
	// The district admin finds an enterprise of 车墩镇.
	const admin = await browser.newPage();
	await loginAsAdmin(admin);
	await admin.goto('/staff/campaign');
	await expect(admin.locator('tbody tr[data-town]')).toHaveCount(19);
	await admin.goto('/staff/campaign/enterprises?town=chedun');
	const href = await admin.locator('tbody a').first().getAttribute('href');
	expect(href).toMatch(/^\/staff\/campaign\/enterprises\/\d+$/);
	await admin.close();

	await loginAs(page, 'town_officer', ['sheshan']);
	const res = await page.goto(href!);
	expect(res?.status()).toBe(403);
	const exported = await page.request.get('/staff/campaign/enterprises/export?format=csv');
	const csv = await exported.text();
	expect(csv).toContain('佘山镇');
	expect(csv).not.toContain('车墩镇');
	const other = await page.request.get('/staff/campaign/commitments/export?format=csv&town=chedun');
	expect((await other.text()).trim().split('\n')).toHaveLength(1);
	expect((await page.goto('/staff/campaign/targets'))?.status()).toBe(403);
	expect((await page.goto('/staff/campaign/bulletin'))?.status()).toBe(403);
});

test('an officer files a credit report with its PDF; another town cannot open it', async ({
	page,
	browser
}) => {
	await loginAs(page, 'town_officer', ['sheshan']);
	await page.goto('/staff/campaign/enterprises');
	await page.locator('tbody a').first().click();
	await expect(page).toHaveURL(/\/staff\/campaign\/enterprises\/\d+$/);
	const url = page.url();
	const year = await page.getByLabel('年度').last().inputValue();
	await page.getByLabel('状态').selectOption({ label: '已出具信用报告' });
	await page.getByLabel('纳税').check();
	await page.getByLabel('公示日期', { exact: true }).last().fill(`${year}-01-10`);
	await page.getByLabel('报告编号').fill('SJXY-E2E-0001');
	await page.getByLabel('出具机构（信用服务机构）').fill('上海资信有限公司');
	await page.getByLabel('出具日期').fill(`${year}-01-20`);
	await page.getByLabel(/信用报告 PDF/).setInputFiles({
		name: '信用报告.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
	});
	await page.getByRole('button', { name: '保存', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('已保存补充信息及信用报告');
	const pdfLink = page.getByRole('link', { name: '查看 PDF' });
	const pdfHref = await pdfLink.getAttribute('href');
	const pdf = await page.request.get(pdfHref!);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

	const otherPage = await browser.newPage();
	await loginAs(otherPage, 'town_officer', ['chedun']);
	expect((await otherPage.request.get(pdfHref!)).status()).toBe(403);
	expect((await otherPage.goto(url))?.status()).toBe(403);
	await otherPage.close();
	const anonymous = await browser.newContext();
	const anon = await anonymous.request.get(pdfHref!, { maxRedirects: 0 });
	expect(anon.status()).toBe(303);
	await anonymous.close();
});

test('open data answers in the documented shapes, and 400 with a message on bad parameters', async ({
	request
}) => {
	const towns = await request.get('/api/v1/towns');
	expect(towns.status()).toBe(200);
	expect(towns.headers()['cache-control']).toContain('max-age');
	const body = await towns.json();
	expect(body.items).toHaveLength(19);
	const { creditTown, ...first } = body.items[0];
	expect(first).toEqual({
		slug: 'yueyang',
		name: '岳阳街道',
		commitments: { count: expect.any(Number), target: expect.any(Number) },
		reports: { count: expect.any(Number), target: expect.any(Number) }
	});
	// a town that never applied for credit-town creation says so with null
	expect(creditTown).toBeNull();
	const list = await (await request.get('/api/v1/commitments?town=sheshan&page=2')).json();
	expect(list).toMatchObject({ page: 2, pageSize: 50, total: expect.any(Number) });
	expect(list.items.every((c: { town: { slug: string } }) => c.town.slug === 'sheshan')).toBe(true);
	for (const bad of [
		'/api/v1/towns?year=abc',
		'/api/v1/commitments?page=0',
		'/api/v1/commitments?town=x'
	]) {
		const res = await request.get(bad);
		expect(res.status()).toBe(400);
		expect((await res.json()).error).toMatch(/[\u4e00-\u9fa5]/);
	}
});
