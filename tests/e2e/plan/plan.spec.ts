import { expect, test, type Page } from '@playwright/test';
import { login, loginAs, loginAsAdmin, loginAsDepartment } from '../helpers';

const PDF = {
	name: '十一月进展.pdf',
	mimeType: 'application/pdf',
	buffer: Buffer.from('%PDF-1.4\n%\n')
};

async function logout(page: Page) {
	await page.context().clearCookies();
}

test('a 区教育局 officer logs a district-wide youth event with no town; it counts for the unit, and a town officer cannot change it', async ({
	page
}) => {
	await loginAsDepartment(page, '区教育局');
	await page.goto('/staff/events/new', { waitUntil: 'networkidle' });
	await expect(page.getByLabel('归属部门')).toHaveValue('区教育局');
	const title = `青少年诚信教育线上课堂 ${Date.now() % 100000}`;
	await page.getByLabel('活动主题').selectOption({ label: '青少年诚信教育' });
	await page.getByLabel('活动名称').fill(title);
	await page.getByLabel('活动形式').selectOption({ label: '培训讲座' });
	await expect(page.getByLabel('街镇')).toHaveValue('');
	await page.getByLabel('参与人数').fill('456');
	await page.getByRole('button', { name: '保存活动' }).click();
	await expect(page).toHaveURL(/\/staff\/events\/\d+\?saved=1/, { timeout: 20_000 });
	await expect(page.getByText('不限街镇（全区或线上）')).toBeVisible();
	const id = page.url().match(/events\/(\d+)/)![1];

	// the unit view counts it for 区教育局
	await page.goto('/staff/events/summary');
	const row = page.locator('table.summary tbody tr', { hasText: '区教育局' });
	await expect(row).toBeVisible();
	const total = await row.locator('td.total').innerText();
	expect(Number(total.split('/')[0].trim())).toBeGreaterThanOrEqual(1);
	expect(Number(total.split('/')[1].replace(/,/g, '').trim())).toBeGreaterThanOrEqual(456);
	await page.goto('/staff/events');
	await expect(page.getByRole('link', { name: title })).toBeVisible();

	// a town officer can neither open nor change it
	await logout(page);
	await loginAs(page, 'town_officer', ['sheshan']);
	expect((await page.goto(`/staff/events/${id}/edit`))?.status()).toBe(403);
	expect((await page.goto(`/staff/events/${id}`))?.status()).toBe(403);
	const post = await page.request.post(`/staff/events/${id}?/delete`, {
		form: {},
		headers: { origin: new URL(page.url()).origin }
	});
	expect(post.status()).toBe(403);
});

test('a unit files a monthly report with an attachment; the district returns it, the unit resubmits, the grid shows it on time — and a late one late', async ({
	page
}) => {
	const officer = await loginAsDepartment(page, '区教育局');
	await page.goto('/staff/plan/reports');
	const row41 = page.locator('table.grid tbody tr', { hasText: '第 41 项' });
	const cellLink = row41.locator('td[data-state] a').nth(10);
	const href = (await cellLink.getAttribute('href'))!;
	expect(href).toMatch(/\/staff\/plan\/reports\/\d+\/2026-11$/);

	await page.goto(href, { waitUntil: 'networkidle' });
	await page.getByLabel('工作进展').fill('十一月在全区中小学开展诚信主题班会 120 场。');
	await page.getByLabel('本单位数据').fill('主题班会：120\n参与学生：8000');
	await page.getByLabel('附件').setInputFiles(PDF);
	await page.getByRole('button', { name: '报送', exact: true }).click();
	await expect(page.getByText('已报送，等待区级审核。')).toBeVisible();
	await expect(page.getByRole('link', { name: PDF.name })).toBeVisible();

	// the district sends it back with a comment
	await logout(page);
	await loginAsAdmin(page);
	await page.goto('/staff/admin/plan?year=2026');
	const adminLink = page.locator(`a[href^="${href}?unit=department-"]`);
	await expect(adminLink).toHaveText('按时');
	await adminLink.click();
	await expect(page.getByRole('link', { name: PDF.name })).toBeVisible();
	await page.getByLabel('退回意见').fill('请补充班会照片');
	await page.getByRole('button', { name: '退回修改' }).click();
	await expect(page.getByText('已退回修改，单位会看到退回意见。')).toBeVisible();
	await page.goto('/staff/admin/plan?year=2026');
	await expect(adminLink).toHaveText('退回');

	// the unit sees the comment, fixes and resubmits
	await logout(page);
	await login(page, officer.username, officer.password);
	await page.goto(href, { waitUntil: 'networkidle' });
	await expect(page.getByText('请补充班会照片')).toBeVisible();
	await page.getByLabel('工作进展').fill('十一月在全区中小学开展诚信主题班会 120 场，照片见附件。');
	await page.getByRole('button', { name: '修改后重新报送' }).click();
	await expect(page.getByText('已报送，等待区级审核。')).toBeVisible();

	// a report for a month long past its due day is late
	const april = href.replace('2026-11', '2026-04');
	await page.goto(april, { waitUntil: 'networkidle' });
	await page.getByLabel('工作进展').fill('四月补报。');
	await page.getByRole('button', { name: '报送', exact: true }).click();
	await expect(page.getByText('已报送，等待区级审核。')).toBeVisible();

	await logout(page);
	await loginAsAdmin(page);
	await page.goto('/staff/admin/plan?year=2026');
	await expect(adminLink).toHaveText('按时');
	await expect(page.locator(`a[href^="${april}?unit=department-"]`)).toHaveText('逾期');

	// a town officer cannot open another unit's report
	await logout(page);
	await loginAs(page, 'town_officer', ['sheshan']);
	expect((await page.goto(href))?.status()).toBe(403);
});

test('the public sees each task with its figures and responsible units, and the bulletin lists missing reports', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: /第 40 项/ }).click();
	await expect(page).toHaveURL(/\/plan\/2026\/40$/);
	await expect(page.getByRole('heading', { name: /第 40 项/ })).toBeVisible();
	await expect(page.getByText('区教育局', { exact: false }).first()).toBeVisible();
	await expect(page.locator('dt', { hasText: '宣传教育活动' })).toBeVisible();
	// row 39's figures come from the metrology units' register
	await page.goto('/plan/2026/39');
	await expect(page.locator('dt', { hasText: '诚信计量示范单位（已命名）' })).toBeVisible();
	await expect(page.getByText('暂无数据')).toHaveCount(0);
	expect((await page.goto('/plan/2026/99'))?.status()).toBe(404);

	await loginAsAdmin(page);
	await page.goto('/staff/campaign/bulletin?year=2026&month=11');
	await expect(page.getByRole('heading', { name: '四、工作进展未报送情况' })).toBeVisible();
	// the bulletin sums what each unit owes and names each unit once
	await expect(
		page
			.locator('article p')
			.filter({ hasText: /\d+\s*个责任单位共\s*\d+\s*份工作进展已过截止日期/ })
	).toBeVisible();
	const owing = page.locator('ul.missing-reports li');
	for (const line of await owing.allTextContents())
		expect(line).toMatch(/\d+\s*份（第\s*[\d、]+\s*项，自.+起）/);
	const names = await owing.locator('strong').allTextContents();
	expect(new Set(names).size).toBe(names.length);
});
