import { expect, test, type Page } from '@playwright/test';
import { busiestStreet, mapData } from './fixtures';

async function noSideways(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

test('a resident on a phone goes from the home page to the nearest street and a merchant', async ({
	page,
	context,
	request
}, info) => {
	const street = busiestStreet(await mapData(request));
	const [id, , name, lat, lng] = street.merchants[0];
	await context.grantPermissions(['geolocation']);
	await context.setGeolocation({ latitude: lat, longitude: lng });

	await page.goto('/');
	await expect(page.getByRole('heading', { name: '诚信松江', level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: /红榜/ })).toBeVisible();
	await noSideways(page);
	await page.screenshot({
		path: `test-results/public/home-${info.project.name}.png`,
		fullPage: true
	});

	await page.getByRole('link', { name: '打开诚信地图' }).click();
	await expect(page).toHaveURL(/\/map/);
	const map = page.getByRole('region', { name: '诚信示范街地图' });
	await expect(map.locator('.leaflet-overlay-pane path').first()).toBeAttached();
	await expect(map.locator('.cx-cluster, .cx-pin').first()).toBeVisible();
	await noSideways(page);

	await page.getByRole('button', { name: '离我最近' }).click();
	await expect(page.getByText('离您最近的诚信示范街')).toContainText(street.name);
	await page.screenshot({ path: `test-results/public/map-${info.project.name}.png` });

	await page.getByRole('link', { name, exact: true }).first().click();
	await expect(page).toHaveURL(new RegExp(`/merchants/${id}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	await noSideways(page);
	await page.screenshot({
		path: `test-results/public/merchant-${info.project.name}.png`,
		fullPage: true
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the list works', async ({ page }) => {
		await page.goto('/map/list');
		const total = Number(
			/共 (\d+) 家/.exec((await page.getByRole('status').textContent()) ?? '')?.[1]
		);
		expect(total).toBeGreaterThan(0);
		await page.getByLabel('等级').selectOption({ label: '模范商户' });
		await page.getByRole('button', { name: '筛选' }).click();
		await expect(page).toHaveURL(/level=model/);
		const narrowed = Number(
			/共 (\d+) 家/.exec((await page.getByRole('status').textContent()) ?? '')?.[1]
		);
		expect(narrowed).toBeGreaterThan(0);
		expect(narrowed).toBeLessThan(total);
		await noSideways(page);
		if (narrowed > 20) {
			await page.getByRole('link', { name: '下一页' }).click();
			await expect(page).toHaveURL(/page=2/);
			await expect(page.getByText(/第 2 \/ \d+ 页/)).toBeVisible();
		}
	});
});

test('large-text mode is one tap away and stays on', async ({ page }) => {
	await page.goto('/');
	const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
	const normal = await size();
	await page.getByRole('link', { name: '大字模式' }).click();
	await expect(page.locator('html')).toHaveClass(/large-text/);
	expect(await size()).toBeGreaterThan(normal);
	await page.goto('/map/list');
	await expect(page.locator('html')).toHaveClass(/large-text/);
	await noSideways(page);
	await page.screenshot({ path: 'test-results/public/list-large-text.png', fullPage: true });
	await page.getByRole('link', { name: '标准字号' }).click();
	await expect(page.locator('html')).not.toHaveClass(/large-text/);
});
