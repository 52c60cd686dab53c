import { expect, test } from '@playwright/test';
import { busiestStreet, mapData } from './fixtures';

test.describe('honesty street map', () => {
	test('draws streets and clustered markers with no tiles reachable', async ({ page, request }) => {
		const data = await mapData(request);
		await page.goto('/map');
		const map = page.getByRole('region', { name: '诚信示范街地图' });
		await expect(map).toBeVisible();
		// Streets are SVG paths; merchants are clustered.
		await expect(map.locator('.leaflet-overlay-pane path').first()).toBeAttached();
		expect(await map.locator('.leaflet-overlay-pane path').count()).toBeGreaterThanOrEqual(
			Math.min(data.streets.length, 3)
		);
		await expect(map.locator('.cx-cluster').first()).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: '地图标出' })).toContainText(
			`地图标出 ${data.merchants.length} 家`
		);
		// The test machine has no network: the page says so and still draws.
		await expect(page.getByText('底图暂时无法加载')).toBeVisible({ timeout: 15_000 });
		await page.screenshot({ path: 'test-results/public/map-desktop.png', fullPage: true });
	});

	test('filters narrow the markers and the list, and the URL keeps them', async ({
		page,
		request
	}) => {
		const data = await mapData(request);
		const street = busiestStreet(data);
		const models = data.merchants.filter((m) => m[5] === 'm').length;
		await page.goto('/map');
		const status = page.getByRole('status').filter({ hasText: '地图标出' });
		await expect(status).toContainText(`地图标出 ${data.merchants.length} 家`);

		await page.getByRole('combobox', { name: '等级' }).selectOption({ label: '模范商户' });
		await expect(page).toHaveURL(/level=model/);
		await expect(status).toContainText(`共 ${models} 家商户符合条件，地图标出 ${models} 家`);
		const list = page.getByRole('region', { name: '商户列表' });
		// A model merchant whose plaque is no longer valid shows that state instead.
		const tags = list.locator('li .level');
		await expect(tags.first()).toHaveText(/模范商户|牌匾/);
		for (const t of await tags.allTextContents()) expect(t).toMatch(/^(模范商户|牌匾)/);

		await page.getByRole('combobox', { name: '等级' }).selectOption('');
		// as a person does: the map shows every merchant again before the next choice
		await expect(status).toContainText(`地图标出 ${data.merchants.length} 家`);
		await page.getByRole('combobox', { name: '示范街' }).selectOption({ label: street.name });
		await expect(status).toContainText(`地图标出 ${street.merchants.length} 家`);
		await expect(list.getByRole('link').first()).toBeVisible();
		const names = await list.locator('a[href^="/merchants/"]').allTextContents();
		const onStreet = new Set(street.merchants.map((m) => m[2]));
		for (const n of names) expect(onStreet.has(n)).toBe(true);

		// Search by name narrows further.
		const one = street.merchants[0][2];
		await page.getByLabel('商户名称').fill(one);
		await page.getByLabel('商户名称').press('Enter');
		await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(one);
		await expect(list.locator('a[href^="/merchants/"]').first()).toHaveText(one);

		// The view goes into the URL too, and a shared link opens the same map.
		await expect(page).toHaveURL(/at=\d+\.\d+,\d+\.\d+,\d+/);
		const shared = page.url();
		const other = await page.context().newPage();
		await other.goto(shared);
		await expect(other.getByRole('combobox', { name: '示范街' })).toHaveValue(String(street.id));
		await expect(other.getByLabel('商户名称')).toHaveValue(one);
		await expect(other.getByRole('status').filter({ hasText: '地图标出' })).toContainText('共 ');
		await other.close();
	});

	test('a popup leads to the merchant page', async ({ page, request }) => {
		const street = busiestStreet(await mapData(request));
		await page.goto(`/map?street=${street.id}`);
		await expect(page.locator('.cx-cluster, .cx-pin').first()).toBeVisible();
		const item = page.getByRole('region', { name: '商户列表' }).getByRole('listitem').nth(1);
		const link = item.locator('a[href^="/merchants/"]');
		const name = (await link.textContent())!.trim();
		const href = (await link.getAttribute('href'))!;
		await item.getByRole('button', { name: '在地图上查看' }).click();
		const popup = page.locator('.leaflet-popup');
		await expect(popup).toContainText(name);
		await popup.getByRole('link', { name: '查看商户详情' }).click();
		await expect(page).toHaveURL(new RegExp(`${href}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
		await expect(page.getByRole('heading', { name: '诚信档案' })).toBeVisible();
	});

	test('near me sorts by distance and names the nearest street', async ({
		page,
		context,
		request
	}) => {
		const street = busiestStreet(await mapData(request));
		const [, , , lat, lng] = street.merchants[0];
		await context.grantPermissions(['geolocation']);
		await context.setGeolocation({ latitude: lat, longitude: lng });
		await page.goto('/map');
		await page.getByRole('button', { name: '离我最近' }).click();
		await expect(page).toHaveURL(/near=/);
		await expect(page.getByText('离您最近的诚信示范街')).toContainText(street.name);
		await expect(page.getByRole('heading', { name: '由近到远' })).toBeVisible();
		await expect(page.locator('.leaflet-tooltip', { hasText: '您的位置' })).toBeVisible();
	});

	test('map data is one cacheable request that revalidates', async ({ request }) => {
		const first = await request.get('/api/v1/map', { headers: { 'accept-encoding': 'gzip' } });
		expect(first.status()).toBe(200);
		const etag = first.headers()['etag'];
		expect(etag).toMatch(/^"map-/);
		expect(first.headers()['cache-control']).toContain('public');
		const again = await request.get('/api/v1/map', { headers: { 'if-none-match': etag } });
		expect(again.status()).toBe(304);
	});

	test('only the map page loads Leaflet', async ({ page }) => {
		const leafletLoaded = async (path: string) => {
			const bodies: Promise<string>[] = [];
			const onResponse = (r: import('@playwright/test').Response) => {
				if (r.request().resourceType() === 'script') bodies.push(r.text().catch(() => ''));
			};
			page.on('response', onResponse);
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			page.off('response', onResponse);
			return (await Promise.all(bodies)).some((b) => b.includes('leafletjs.com'));
		};
		expect(await leafletLoaded('/')).toBe(false);
		expect(await leafletLoaded('/map/list')).toBe(false);
		expect(await leafletLoaded('/map')).toBe(true);
	});
});
