import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { busiestStreet, mapData, scanPath } from './fixtures';

async function serious(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('every public page passes axe-core with no serious or critical violations', async ({
	page,
	request
}) => {
	const data = await mapData(request);
	const street = busiestStreet(data);
	const merchant = street.merchants[0][0];
	const model = data.merchants.find((m) => m[5] === 'm')![0];
	const event = data.events[0]?.[0];
	const pages = [
		'/',
		'/map/list',
		`/map/list?street=${street.id}&level=model`,
		`/merchants/${merchant}`,
		`/merchants/${merchant}/feedback`,
		await scanPath(request, model),
		'/redlist',
		'/disclosures',
		'/events',
		...(event ? [`/events/${event}`] : []),
		'/login'
	];
	for (const path of pages) {
		await page.goto(path);
		expect(await serious(page), path).toEqual([]);
	}
	// The map, once its markers and notice have drawn.
	await page.goto(`/map?street=${street.id}`);
	await expect(page.locator('.cx-cluster, .cx-pin').first()).toBeVisible();
	await page.getByRole('button', { name: '在地图上查看' }).first().click();
	// Checked once the popup has faded in, as a reader sees it.
	await expect(page.locator('.leaflet-popup')).toHaveCSS('opacity', '1');
	expect(await serious(page), '/map').toEqual([]);
	// And in large-text mode.
	await page.getByRole('link', { name: '大字模式' }).click();
	await expect(page.locator('html')).toHaveClass(/large-text/);
	expect(await serious(page), '/map（大字模式）').toEqual([]);
	await page.goto('/');
	expect(await serious(page), '/（大字模式）').toEqual([]);
});

test('a merchant that does not exist is a Chinese 404', async ({ page }) => {
	const res = await page.goto('/merchants/999999');
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
});

test('public pages carry cache headers', async ({ request }) => {
	for (const path of ['/', '/map', '/map/list']) {
		const res = await request.get(path);
		expect(res.headers()['cache-control'], path).toMatch(/public, max-age=\d+/);
	}
});

test('screenshots of the scan page for the record', async ({ page, request }) => {
	const data = await mapData(request);
	const model = data.merchants.find((m) => m[5] === 'm')!;
	await page.goto(await scanPath(request, model[0]));
	await expect(page.getByText(model[2]).first()).toBeVisible();
	await page.screenshot({ path: 'test-results/public/scan-desktop.png', fullPage: true });
	await page.setViewportSize({ width: 360, height: 740 });
	await page.screenshot({ path: 'test-results/public/scan-phone.png', fullPage: true });
});
