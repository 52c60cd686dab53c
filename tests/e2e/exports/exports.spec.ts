import { expect, test } from '@playwright/test';
import { loginAs, loginAsAdmin } from '../helpers';
import { csv, sql, townId, write, xlsx } from './fixtures';

const flaggedIn = (town: number) =>
	sql<{ n: number }>(
		`SELECT count(DISTINCT s.badge_id) AS n FROM badge_scan s
		 JOIN badge b ON b.id = s.badge_id JOIN merchant m ON m.id = b.merchant_id
		 WHERE s.stale_scans > 0 AND s.day >= date('now', '+8 hours', '-90 days') AND m.town_id = ?`,
		town
	)[0].n;

/** What each staff export of a town must hold, counted in the database. */
function expected(town: number) {
	const n = (q: string) => sql<{ n: number }>(q, town)[0].n;
	return {
		'/staff/inspections/export': n(
			"SELECT count(*) AS n FROM inspection WHERE status = 'submitted' AND town_id = ?"
		),
		'/staff/feedback/export?status=all': n('SELECT count(*) AS n FROM feedback WHERE town_id = ?'),
		'/staff/badges/export': n(
			'SELECT count(*) AS n FROM badge b JOIN merchant m ON m.id = b.merchant_id WHERE m.town_id = ?'
		),
		'/staff/badges/flagged/export': flaggedIn(town)
	};
}

test('each export holds every row of the filtered list, and a town officer’s only its own town', async ({
	page,
	browser
}) => {
	const yongfeng = townId('yongfeng');
	const want = expected(yongfeng);
	expect(want['/staff/inspections/export']).toBeGreaterThan(0);
	expect(want['/staff/badges/flagged/export']).toBeGreaterThan(0);

	// The district, filtered to one town.
	await loginAsAdmin(page);
	for (const [url, n] of Object.entries(want)) {
		const { rows } = await csv(page.request, `${url}${url.includes('?') ? '&' : '?'}town=yongfeng`);
		expect(rows, url).toHaveLength(n);
		expect(new Set(rows.map((r) => r['街镇'])), url).toEqual(new Set(n ? ['永丰街道'] : []));
	}
	// The audit log, with the page's filters.
	const merchants = sql<{ n: number }>(
		"SELECT count(*) AS n FROM audit_log WHERE entity_type = 'merchant'"
	)[0].n;
	const audit = await csv(page.request, '/staff/admin/audit/export?type=merchant');
	expect(audit.rows).toHaveLength(merchants);
	expect(audit.rows.every((r) => r['记录类型'] === '商户')).toBe(true);

	// The button keeps the list's filters.
	await page.goto('/staff/inspections?town=yongfeng&page=1');
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 CSV' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^检查评审-\d{4}-\d{2}-\d{2}\.csv$/);

	// The public red list, as its page lists it.
	const phone = await browser.newContext();
	const visitor = await phone.newPage();
	await visitor.goto('/redlist?town=yongfeng');
	const cards = await visitor.locator('a.card.red').count();
	expect(cards).toBeGreaterThan(0);
	const red = await csv(visitor.request, '/redlist/export?town=yongfeng');
	expect(red.rows).toHaveLength(cards);
	expect(red.rows.every((r) => r['街镇'] === '永丰街道')).toBe(true);
	await phone.close();

	// A town officer: its own town's rows with no filter, and no other town's at all.
	const officer = await browser.newContext();
	const o = await officer.newPage();
	await loginAs(o, 'town_officer', ['yongfeng']);
	for (const [url, n] of Object.entries(want)) {
		const { rows } = await csv(o.request, url);
		expect(rows, url).toHaveLength(n);
		expect(
			rows.filter((r) => r['街镇'] !== '永丰街道'),
			url
		).toEqual([]);
		const other = await o.request.get(`${url}${url.includes('?') ? '&' : '?'}town=sheshan`);
		expect(other.status(), url).toBe(403);
	}
	expect((await o.request.get('/staff/admin/audit/export')).status()).toBe(403);
	await officer.close();
});

test('an Excel export has a title row, Chinese headings, and real date cells', async ({ page }) => {
	await loginAsAdmin(page);
	const ws = await xlsx(page.request, '/staff/badges/export?town=yongfeng');
	expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^牌匾-.*（导出时间：/);
	const headers = (ws.getRow(2).values as unknown[]).slice(1);
	expect(headers).toContain('有效期至');
	const col = (h: string) => headers.indexOf(h) + 1;
	const validUntil = ws.getRow(3).getCell(col('有效期至'));
	expect(validUntil.value).toBeInstanceOf(Date);
	expect(validUntil.numFmt).toBe('yyyy-mm-dd');
	expect(ws.getRow(3).getCell(col('颁发时间')).value).toBeInstanceOf(Date);
	expect(ws.getRow(3).getCell(col('近30天扫码')).type).toBe(2); // a number cell

	const ins = await xlsx(page.request, '/staff/inspections/export?town=yongfeng');
	const insHeaders = (ins.getRow(2).values as unknown[]).slice(1);
	const day = ins.getRow(3).getCell(insHeaders.indexOf('检查日期') + 1).value as Date;
	expect(day).toBeInstanceOf(Date);
	// The date cell is the day shown in the list (a Shanghai day, not shifted by a time zone).
	const first = sql<{ d: string }>(
		"SELECT inspected_on AS d FROM inspection WHERE status = 'submitted' AND town_id = ? ORDER BY inspected_on DESC, id DESC LIMIT 1",
		townId('yongfeng')
	)[0].d;
	expect(day.toISOString().slice(0, 10)).toBe(first);
});

test('the feedback export never holds a full phone number', async ({ page }) => {
	const [f] = sql<{ id: number; phone: string; body: string }>(
		'SELECT id, phone, body FROM feedback WHERE town_id = ? ORDER BY id LIMIT 1',
		townId('yongfeng')
	);
	write(
		'UPDATE feedback SET phone = ?, body = ? WHERE id = ?',
		'13912345678',
		`${f.body}请回电 13987654321。`,
		f.id
	);
	try {
		await loginAsAdmin(page);
		const { text, rows } = await csv(page.request, '/staff/feedback/export?status=all');
		const row = rows.find((r) => r['编号'] === String(f.id))!;
		expect(row['联系电话']).toBe('139****5678');
		expect(row['具体情况']).toContain('139****4321');
		expect(text).not.toMatch(/1[3-9]\d{9}/);

		const ws = await xlsx(page.request, '/staff/feedback/export?status=all&town=yongfeng');
		const cells: string[] = [];
		ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
		expect(cells).toContain('139****5678');
		expect(cells.join('\n')).not.toMatch(/1[3-9]\d{9}/);
	} finally {
		write('UPDATE feedback SET phone = ?, body = ? WHERE id = ?', f.phone, f.body, f.id);
	}
});
