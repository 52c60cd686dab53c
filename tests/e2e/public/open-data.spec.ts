import { expect, test } from '@playwright/test';
import { mapData } from './fixtures';

test('open data answers a bad parameter with a 400 that names it, as JSON', async ({ request }) => {
	for (const [path, name] of [
		['/api/v1/merchants?level=gold', 'level'],
		['/api/v1/merchants?town=atlantis', 'town'],
		['/api/v1/merchants?near=north', 'near'],
		['/api/v1/streets?pageSize=5000', 'pageSize'],
		['/api/v1/merchants/abc', 'id']
	] as const) {
		const res = await request.get(path);
		expect(res.status(), path).toBe(400);
		expect(res.headers()['content-type'], path).toContain('application/json');
		const body = (await res.json()) as { error: string };
		expect(body.error, path).toContain(`参数 ${name}`);
	}
	const missing = await request.get('/api/v1/merchants/999999');
	expect(missing.status()).toBe(404);
	expect(await missing.json()).toEqual({ error: '商户不存在' });
});

test('open data pages merchants and streets in the same shape', async ({ request }) => {
	const data = await mapData(request);
	const town = data.towns.find((t) => data.streets.some((s) => s[1] === t[0]))!;
	for (const path of [
		`/api/v1/merchants?town=${town[1]}&pageSize=3`,
		'/api/v1/streets?pageSize=3'
	]) {
		const res = await request.get(path);
		expect(res.status(), path).toBe(200);
		const body = (await res.json()) as {
			items: unknown[];
			page: number;
			pageSize: number;
			total: number;
		};
		expect(body.page, path).toBe(1);
		expect(body.pageSize, path).toBe(3);
		expect(body.items.length, path).toBeLessThanOrEqual(3);
		expect(body.total, path).toBeGreaterThan(0);
	}
	const one = data.merchants[0][0];
	const detail = (await (await request.get(`/api/v1/merchants/${one}`)).json()) as { id: number };
	expect(detail.id).toBe(one);
});

test('a bad filter on a public page is a 400 page, not a silently wider list', async ({
	request
}) => {
	for (const path of ['/map/list?level=gold', '/redlist?town=atlantis']) {
		const res = await request.get(path);
		expect(res.status(), path).toBe(400);
	}
});

test('a public page and its data request are cached apart', async ({ request }) => {
	// the client's navigation asks for the data first; a visitor then opens the same address
	const data = await request.get('/map/__data.json?street=1&x-sveltekit-invalidated=01');
	expect(data.headers()['content-type']).toContain('application/json');
	for (let i = 0; i < 2; i++) {
		const page = await request.get('/map?street=1');
		expect(page.headers()['content-type']).toContain('text/html');
		expect(await page.text()).toContain('诚信示范街地图');
	}
});
