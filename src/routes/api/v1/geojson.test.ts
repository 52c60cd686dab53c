import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as streetsJson } from './streets/+server';
import { GET as streetsGeo } from './streets.geojson/+server';
import { GET as merchantsJson } from './merchants/+server';
import { GET as merchantsGeo } from './merchants.geojson/+server';
import { GET as unitsJson } from './metrology-units/+server';
import { GET as unitsGeo } from './metrology-units.geojson/+server';
import { inspectUnit, makeMerchant, makeStreet, makeUnit } from '$lib/server/testing/factories';
import { SYSTEM } from '$lib/server/actor';

type Handler = (e: { url: URL; request: Request }) => Promise<Response>;

async function get(handler: unknown, path: string, headers: Record<string, string> = {}) {
	const url = new URL(`http://localhost${path}`);
	return (handler as Handler)({ url, request: new Request(url, { headers }) });
}

const dir = mkdtempSync(join(tmpdir(), 'chengxin-geojson-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What GDAL (and so QGIS) reads of a saved response: its feature count. */
function ogrCount(text: string, name: string): number {
	const file = join(dir, `${name}.geojson`);
	writeFileSync(file, text);
	const out = execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });
	const m = /Feature Count: (\d+)/.exec(out);
	if (!m) throw new Error(`ogrinfo 没有给出要素数：\n${out}`);
	return Number(m[1]);
}

async function total(handler: unknown, path: string): Promise<number> {
	return ((await (await get(handler, path)).json()) as { total: number }).total;
}

beforeAll(() => {
	const line = makeStreet(SYSTEM, 'yueyang');
	const polygon = makeStreet(SYSTEM, 'sheshan', {
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[121.19, 31.09],
					[121.2, 31.09],
					[121.2, 31.1],
					[121.19, 31.09]
				]
			]
		}
	});
	for (const s of [line, polygon, line]) makeMerchant(SYSTEM, s.id);
	for (const town of ['yueyang', 'sheshan', 'sheshan'])
		inspectUnit(SYSTEM, makeUnit(SYSTEM, town).id, 95, new Date('2026-10-01T02:00:00Z'));
});

describe.each([
	['streets', streetsJson, streetsGeo],
	['merchants', merchantsJson, merchantsGeo],
	['metrology-units', unitsJson, unitsGeo]
])('GET /api/v1/%s.geojson', (name, json, geo) => {
	it('is an RFC 7946 FeatureCollection that GDAL opens, one feature per listed item', async () => {
		const res = await get(geo, `/api/v1/${name}.geojson`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/geo+json');
		const text = await res.text();
		const body = JSON.parse(text);
		expect(body.type).toBe('FeatureCollection');
		expect(body).not.toHaveProperty('crs');
		const want = await total(json, `/api/v1/${name}`);
		expect(want).toBeGreaterThan(0);
		expect(ogrCount(text, name)).toBe(want);
		expect(body.features).toHaveLength(want);
		const [lng, lat] = JSON.stringify(body.features[0].geometry.coordinates)
			.match(/-?\d+(\.\d+)?/g)!
			.map(Number);
		// longitude first: Songjiang is at about 121.2° E, 31.0° N
		expect(lng).toBeGreaterThan(120);
		expect(lat).toBeLessThan(32);
	});

	it('is filtered like the JSON API', async () => {
		const res = await get(geo, `/api/v1/${name}.geojson?town=sheshan`);
		const want = await total(json, `/api/v1/${name}?town=sheshan`);
		expect(want).toBeGreaterThan(0);
		expect(ogrCount(await res.text(), `${name}-sheshan`)).toBe(want);
		expect(want).toBeLessThan(await total(json, `/api/v1/${name}`));
	});

	it('answers 304 to its own ETag, and a bad parameter as JSON naming it', async () => {
		const first = await get(geo, `/api/v1/${name}.geojson`);
		const etag = first.headers.get('etag')!;
		expect(etag).toMatch(/^"v-/);
		expect((await get(geo, `/api/v1/${name}.geojson`, { 'if-none-match': etag })).status).toBe(304);
		const bad = await get(geo, `/api/v1/${name}.geojson?town=atlantis`);
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: string }).error).toContain('参数 town');
	});
});

describe('items without a location', () => {
	it('are left out of the GeoJSON, and kept in the JSON API', async () => {
		const s = makeStreet(SYSTEM, 'xinqiao', { geometry: null });
		makeMerchant(SYSTEM, s.id, { lat: null, lng: null });
		const q = '?town=xinqiao';
		expect(await total(streetsJson, `/api/v1/streets${q}`)).toBe(1);
		expect(await total(merchantsJson, `/api/v1/merchants${q}`)).toBe(1);
		for (const handler of [streetsGeo, merchantsGeo]) {
			const body = await (await get(handler, `/api/v1/x.geojson${q}`)).json();
			expect(body).toEqual({ type: 'FeatureCollection', features: [] });
		}
	});
});
