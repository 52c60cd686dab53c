import { expect, test } from '@playwright/test';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser, login, loginAsAdmin } from '../helpers';
import { withCheckCharacter } from '../../../src/lib/uscc';

test('a district admin sets up a street on the map and imports its merchants', async ({ page }) => {
	await loginAsAdmin(page);
	await page.goto('/staff/streets/new');
	const name = `醉白池步行街${Date.now() % 100000}`;
	await page.getByLabel('街区名称').fill(name);
	await page.getByLabel('所属街镇').selectOption({ label: '中山街道' });

	// Saving without a drawing keeps what was typed and says what is missing.
	await page.getByRole('button', { name: '圈出范围' }).click();
	const map = page.getByRole('region', { name: '街区范围绘制地图' });
	await expect(map).toBeVisible();
	const box = (await map.boundingBox())!;
	await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
	await page.getByRole('button', { name: '保存示范街' }).click();
	await expect(page.getByText('范围至少需要在地图上点 3 个点')).toBeVisible();
	await expect(page.getByLabel('街区名称')).toHaveValue(name);

	// The point already drawn is kept; two more close the polygon.
	await expect(page.getByText('已点 1 个点')).toBeVisible();
	const map2 = page.getByRole('region', { name: '街区范围绘制地图' });
	const b = (await map2.boundingBox())!;
	for (const [x, y] of [
		[0.65, 0.4],
		[0.65, 0.65]
	])
		await map2.click({ position: { x: b.width * x, y: b.height * y } });
	await expect(page.getByText('已点 3 个点。')).toBeVisible();
	await page.getByLabel('自律公约').fill('明码标价，足斤足两，诚信待客。');
	await page.getByRole('button', { name: '保存示范街' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await expect(page.getByText('明码标价，足斤足两，诚信待客。')).toBeVisible();
	const streetId = Number(/\/staff\/streets\/(\d+)/.exec(page.url())![1]);

	const api = await page.request.get('/api/v1/streets?town=zhongshan');
	const street = (await api.json()).items.find((s: { id: number }) => s.id === streetId);
	expect(street.geometry.type).toBe('Polygon');
	expect(street.geometry.coordinates[0]).toHaveLength(4);

	// Bulk import: the bad rows are listed with their line and reason; the good ones are written once.
	const dir = mkdtempSync(join(tmpdir(), 'streets-import-'));
	const file = join(dir, '商户.csv');
	const n = String(Date.now() % 1000000).padStart(6, '0');
	const good = withCheckCharacter(`92310117MA2${n}`);
	writeFileSync(
		file,
		'\uFEFF商户名称,统一社会信用代码,经营地址,类别\r\n' +
			`醉白池茶社,${good},人民南路 64 号,餐饮\r\n` +
			`坏代码商店,${good.slice(0, 17)}Z,人民南路 66 号,零售\r\n`
	);
	await page.getByRole('link', { name: '批量导入商户' }).click();
	await page.getByLabel('选择文件（CSV 或 Excel .xlsx）').setInputFiles(file);
	await page.getByRole('button', { name: '上传并预览' }).click();
	await expect(page.getByText('1 行可以导入')).toBeVisible();
	await expect(page.getByText('不是有效字符')).toBeVisible();
	await page.getByRole('button', { name: /确认导入/ }).click();
	await expect(page.getByText('新增 1 家')).toBeVisible();

	await page.getByLabel('选择文件（CSV 或 Excel .xlsx）').setInputFiles(file);
	await page.getByRole('button', { name: '上传并预览' }).click();
	await page.getByRole('button', { name: /确认导入/ }).click();
	await expect(page.getByText('新增 0 家商户，1 家已存在')).toBeVisible();

	await page.goto(`/staff/streets/${streetId}`);
	await expect(page.getByRole('link', { name: '醉白池茶社' })).toBeVisible();
});

test('a town officer only sees and changes streets of the own town', async ({ page }) => {
	const officer = createUser('town_officer', ['sheshan']);
	await login(page, officer.username, officer.password);
	await page.goto('/staff/streets');
	await expect(page.getByRole('link', { name: '佘山林荫新路商业街' })).toBeVisible();
	await expect(page.getByRole('link', { name: '中山中路商业街' })).toHaveCount(0);
	const streets = await (await page.request.get('/api/v1/streets?town=zhongshan')).json();
	const other = streets.items[0].id;
	expect((await page.goto(`/staff/streets/${other}/edit`))?.status()).toBe(403);
	await page.goto('/staff/streets/new');
	await expect(page.getByLabel('所属街镇').locator('option')).toHaveText(['佘山镇']);

	const csv = await (await page.request.get('/staff/streets/export?format=csv')).text();
	expect(csv).toContain('佘山林荫新路商业街');
	expect(csv).not.toContain('中山中路商业街');
	const merchantsCsv = await (await page.request.get('/staff/merchants/export?format=csv')).text();
	expect(merchantsCsv).toContain('佘山茶叶店');
	expect(merchantsCsv).not.toContain('仓城糕团店');
});

test('a new standard version leaves scored inspections on their own version', async ({ page }) => {
	await loginAsAdmin(page);
	await page.goto('/staff/admin/standards');
	await page.getByRole('button', { name: '新建版本' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('第 2 版');
	await page.getByLabel('第 1 项分值').fill('12');
	await page.getByRole('button', { name: '保存草稿' }).click();
	await expect(page.getByRole('alert')).toContainText('合计为 102 分，应为 100 分');
	await page.getByLabel('第 2 项分值').fill('3');
	await page.getByLabel('修订说明').fill('提高亮照经营分值');
	await page.getByRole('button', { name: '保存草稿' }).click();
	await expect(page.getByText('草稿已保存')).toBeVisible();
	await page.getByRole('button', { name: '发布此版本' }).click();
	await expect(page.getByRole('row', { name: /第 2 版 现行/ })).toBeVisible();
	await expect(page.getByRole('row', { name: /第 1 版 已停用/ })).toBeVisible();

	// A demo inspection scored against version 1 still shows version 1 and its score.
	await page.goto('/staff/inspections');
	await page
		.getByRole('row', { name: /第 1 版/ })
		.first()
		.getByRole('link')
		.click();
	await expect(page.getByText(/评价标准 第 1 版/)).toBeVisible();
	await expect(page.getByText(/A1 营业执照等证照齐全有效/)).toBeVisible();
	await expect(page.getByText(/得分 \d+(\.5)? \/ 10/).first()).toBeVisible();
});

test('open data answers lists, details and bad parameters as JSON', async ({ request }) => {
	const list = await request.get('/api/v1/merchants?level=model&page=1');
	expect(list.status()).toBe(200);
	expect(list.headers()['cache-control']).toContain('max-age');
	const body = await list.json();
	expect(body).toMatchObject({ page: 1, pageSize: 50 });
	expect(body.total).toBeGreaterThan(0);
	const first = body.items[0];
	expect(first).toMatchObject({ level: 'model', badgeState: 'valid' });
	expect(first.location.lat).toBeGreaterThan(30.9);

	const one = await (await request.get(`/api/v1/merchants/${first.id}`)).json();
	expect(one.name).toBe(first.name);
	expect(Array.isArray(one.archive)).toBe(true);
	expect(JSON.stringify(one)).not.toContain('complainant');
	expect(JSON.stringify(one)).not.toContain('internalNote');

	for (const bad of [
		'/api/v1/merchants?town=atlantis',
		'/api/v1/merchants?level=gold',
		'/api/v1/merchants?page=0',
		'/api/v1/merchants/abc'
	]) {
		const r = await request.get(bad);
		expect(r.status(), bad).toBe(400);
		expect((await r.json()).error).toBeTruthy();
	}
	const missing = await request.get('/api/v1/merchants/999999');
	expect(missing.status()).toBe(404);
	expect((await missing.json()).error).toBe('商户不存在');
});

test('the red list shows current model merchants and revoked badges are noticed publicly', async ({
	page
}) => {
	await page.goto('/redlist');
	await expect(page.getByRole('heading', { name: '诚信红榜' })).toBeVisible();
	await expect(page.getByText('模范商户').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: '撤销牌匾公示' })).toBeVisible();
	await expect(page.getByRole('cell', { name: /撤销（摘牌）/ }).first()).toBeVisible();
});
