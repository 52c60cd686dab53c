import { expect, test } from '@playwright/test';
import { loginAs, loginAsAdmin } from '../helpers';

test('open data: public events with paging, cache headers and clear errors', async ({
	request
}) => {
	const ok = await request.get('/api/v1/events?town=sheshan&page=1');
	expect(ok.status()).toBe(200);
	expect(ok.headers()['cache-control']).toContain('max-age');
	const body = await ok.json();
	expect(body).toMatchObject({ page: 1, pageSize: 50 });
	expect(body.total).toBeGreaterThan(0);
	expect(body.items.every((e: { town: { slug: string } }) => e.town.slug === 'sheshan')).toBe(true);
	expect(Object.keys(body.items[0])).toEqual(
		expect.arrayContaining(['id', 'title', 'theme', 'form', 'startDate', 'endDate', 'photos'])
	);

	const theme = await request.get(
		`/api/v1/events?theme=${encodeURIComponent('诚信进校园')}&from=2000-01-01&to=2100-01-01`
	);
	expect((await theme.json()).items.every((e: { theme: string }) => e.theme === '诚信进校园')).toBe(
		true
	);

	for (const [query, message] of [
		['town=nowhere', '参数 town 有误：没有标识为「nowhere」的街镇'],
		['theme=abc', '参数 theme 有误：未知的活动主题「abc」'],
		['from=2023-13-45', '参数 from 有误：应为 YYYY-MM-DD 格式的日期'],
		['page=0', '参数 page'],
		['from=2024-02-01&to=2024-01-01', '不能早于']
	]) {
		const res = await request.get(`/api/v1/events?${query}`);
		expect(res.status(), query).toBe(400);
		expect((await res.json()).error, query).toContain(message);
	}
});

test('a town officer sees only their own town and cannot open another town’s event', async ({
	page,
	request
}) => {
	const other = (await (await request.get('/api/v1/events?town=sheshan')).json()).items[0];
	await loginAs(page, 'town_officer', ['sijing']);
	await page.goto('/staff/events');
	const towns = await page.locator('.events .meta span:nth-child(2)').allInnerTexts();
	expect(towns.length).toBeGreaterThan(0);
	expect(new Set(towns)).toEqual(new Set(['泗泾镇']));

	const res = await page.goto(`/staff/events/${other.id}`);
	expect(res?.status()).toBe(403);
	await expect(page.getByText('您只能查看和修改本街镇的记录')).toBeVisible();
	expect((await page.goto(`/staff/events/${other.id}/edit`))?.status()).toBe(403);
	expect((await page.goto('/staff/events?town=sheshan'))?.status()).toBe(403);
	expect((await page.goto('/staff/admin/event-options'))?.status()).toBe(403);
});

test('the district sees every town’s activity by theme, and exports it', async ({ page }) => {
	await loginAsAdmin(page);
	await page.goto('/staff/events/summary');
	const rows = page.locator('table.summary tbody tr');
	await expect(rows).toHaveCount(19);
	await expect(page.locator('table.summary thead th')).toContainText([
		'街镇',
		'诚信进社区',
		'合计'
	]);
	// The demo has towns with little publicity; a town with none in the period stands out.
	await page.getByRole('link', { name: '本月' }).click();
	await expect(page).toHaveURL(/from=\d{4}-\d{2}-01/);

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 CSV' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^宣传教育活动统计-.*\.csv$/);

	await page.goto('/staff/events/calendar');
	await expect(page.getByRole('heading', { level: 2 })).toContainText('年');
	await page.getByRole('link', { name: '‹ 上个月' }).click();
	await expect(page.locator('table.calendar a.ev').first()).toBeVisible();
});

test('importing events: bad rows are shown with their line, good rows land once', async ({
	page
}) => {
	await loginAs(page, 'town_officer', ['chedun']);
	await page.goto('/staff/events/import');
	const csv = [
		'活动名称,街镇,主题,形式,开始日期,参与人数',
		'车墩诚信进园区宣讲,车墩镇,诚信进园区,培训讲座,2026/5/9,80',
		'车墩诚信故事汇,,诚信故事宣讲,故事汇巡演,2026年5月16日,150',
		'新桥的活动,新桥镇,诚信进社区,事迹宣讲,2026-05-09,20'
	].join('\n');
	const upload = async () => {
		await page
			.getByLabel('选择文件')
			.setInputFiles({ name: '活动.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await page.getByRole('button', { name: '上传并预览' }).click();
	};
	await upload();
	await expect(page.getByText('2 行可以导入')).toBeVisible();
	await expect(page.getByRole('cell', { name: '第 4 行' })).toBeVisible();
	await expect(page.getByText('只能导入本街镇的活动，这一行属于新桥镇')).toBeVisible();
	await page.getByRole('button', { name: '确认导入 2 行' }).click();
	await expect(page.getByText('新增 2 场活动')).toBeVisible();

	await page.goto('/staff/events/import');
	await upload();
	await page.getByRole('button', { name: '确认导入 2 行' }).click();
	await expect(page.getByText('新增 0 场活动，2 场已存在')).toBeVisible();

	await page.goto('/staff/events?q=车墩诚信');
	await expect(page.getByRole('link', { name: '车墩诚信进园区宣讲' })).toBeVisible();
	await expect(page.getByRole('link', { name: '车墩诚信故事汇' })).toBeVisible();
});

test('a district admin adds and retires a theme, and the event form follows', async ({ page }) => {
	await loginAsAdmin(page);
	await page.goto('/staff/admin/event-options');
	await page.getByLabel('新活动主题').fill('诚信计量示范');
	await page.getByRole('button', { name: '添加' }).first().click();
	await expect(page.getByText('已添加「诚信计量示范」')).toBeVisible();
	await page.getByLabel('新活动主题').fill('诚信计量示范');
	await page.getByRole('button', { name: '添加' }).first().click();
	await expect(page.getByText('已有同名的活动主题')).toBeVisible();

	await page.goto('/staff/events/new');
	await expect(
		page.getByLabel('活动主题').locator('option', { hasText: '诚信计量示范' })
	).toHaveCount(1);

	await page.goto('/staff/admin/event-options');
	await page.getByLabel('启用「诚信计量示范」').uncheck();
	await page.getByRole('button', { name: '保存「诚信计量示范」' }).click();
	await expect(page.getByText('已保存「诚信计量示范」')).toBeVisible();
	await page.goto('/staff/events/new');
	await expect(
		page.getByLabel('活动主题').locator('option', { hasText: '诚信计量示范' })
	).toHaveCount(0);
});
