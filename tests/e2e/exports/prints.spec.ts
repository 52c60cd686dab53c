import { expect, test, type Page } from '@playwright/test';
import { loginAs } from '../helpers';
import { sql, townId } from './fixtures';

/** In print media: no staff chrome, no print button, and the whole document on one A4 page. */
async function printsOnOneA4Page(page: Page) {
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: '工作台导航' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
	await expect(page.getByRole('link', { name: /返回/ })).toBeHidden();
	const pdf = await page.pdf({ format: 'A4' });
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
	expect(pages).toHaveLength(1);
	await page.emulateMedia({ media: 'screen' });
}

test('an inspection prints as a sheet to sign on site, with its items, scores and signature lines', async ({
	page
}) => {
	const [ins] = sql<{ id: number; total: number; items: number }>(
		`SELECT i.id, i.total, (SELECT count(*) FROM standard_item s WHERE s.standard_id = i.standard_id) AS items
		 FROM inspection i WHERE i.status = 'submitted' AND i.kind = 'merchant' AND i.town_id = ?
		 ORDER BY i.id LIMIT 1`,
		townId('yongfeng')
	);
	await loginAs(page, 'town_officer', ['yongfeng']);
	await page.goto(`/staff/inspections/${ins.id}`);
	await page.getByRole('link', { name: '打印现场检查表' }).click();
	await expect(page).toHaveURL(new RegExp(`/staff/inspections/${ins.id}/sheet$`));
	await expect(page.getByRole('heading', { name: /现场检查评审表$/ })).toBeVisible();
	// every item of the version, scored and veto alike, plus the total row
	await expect(page.locator('table.items tbody tr')).toHaveCount(ins.items + 1);
	await expect(page.locator('tr.total .score')).toHaveText(String(ins.total));
	for (const line of ['检查人员签字', '商户签字', '日期：'])
		await expect(page.getByText(line, { exact: false }).first()).toBeVisible();
	await printsOnOneA4Page(page);

	// Another town's inspection is not this officer's to print.
	const [other] = sql<{ id: number }>(
		"SELECT id FROM inspection WHERE status = 'submitted' AND town_id = ? LIMIT 1",
		townId('sheshan')
	);
	expect((await page.goto(`/staff/inspections/${other.id}/sheet`))?.status()).toBe(403);
});

test('the red list and revoked badges print as a notice-board poster with a QR to the online list', async ({
	page
}) => {
	await loginAs(page, 'town_officer', ['yongfeng']);
	await page.goto('/staff/badges');
	await page.getByRole('link', { name: '打印公示栏海报' }).click();
	await expect(page.getByRole('heading', { name: '永丰街道诚信红榜', exact: true })).toBeVisible();
	await expect(page.getByText(/公示日期：\d{4} 年 \d{1,2} 月 \d{1,2} 日/)).toBeVisible();
	await expect(page.locator('ol.names li').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: '撤销牌匾公示' })).toBeVisible();
	await expect(page.locator('.qr svg')).toBeVisible();
	await expect(page.getByText(`${process.env.E2E_ORIGIN}/redlist?town=yongfeng`)).toBeVisible();
	await printsOnOneA4Page(page);
});

test('a town officer prints its own town’s monthly bulletin, and no other town’s', async ({
	page
}) => {
	await loginAs(page, 'town_officer', ['sheshan']);
	await page.goto('/staff/campaign');
	await page.getByRole('link', { name: '佘山镇月通报' }).click();
	await expect(
		page.getByRole('heading', { name: '佘山镇企业信用承诺公示工作月通报' })
	).toBeVisible();
	await expect(page.getByText(/在全区 \d+ 个街镇园区中排名第/)).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: '工作台导航' })).toBeHidden();
	await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
	const pdf = await page.pdf({ format: 'A4' });
	expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(1);
	await page.emulateMedia({ media: 'screen' });

	expect((await page.goto('/staff/campaign/bulletin/yongfeng'))?.status()).toBe(403);
	expect((await page.goto('/staff/campaign/bulletin?year=2026'))?.status()).toBe(403);
});
