import type { APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import type { MapData } from '../../../src/lib/map/legend';

/** What the demo data holds, read the way the map reads it. */
export async function mapData(request: APIRequestContext): Promise<MapData> {
	const res = await request.get('/api/v1/map');
	if (!res.ok()) throw new Error(`地图数据请求失败：${res.status()}`);
	return (await res.json()) as MapData;
}

/** The street with the most merchants, and its merchants. */
export function busiestStreet(data: MapData) {
	const counts = new Map<number, number>();
	for (const m of data.merchants) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
	const [id] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
	const s = data.streets.find((x) => x[0] === id)!;
	return {
		id,
		name: s[2],
		townId: s[1],
		merchants: data.merchants.filter((m) => m[1] === id)
	};
}

/** The scan page of a merchant's badge: its serial read from the merchant page, its code from the CLI. */
export async function scanPath(request: APIRequestContext, merchantId: number): Promise<string> {
	const html = await (await request.get(`/merchants/${merchantId}`)).text();
	const serial = /SJ-\d{4}-\d{6}/.exec(html)?.[0];
	if (!serial) throw new Error(`商户 ${merchantId} 没有牌匾`);
	const out = execFileSync(process.execPath, ['scripts/cli.js', 'badges', 'qr', serial], {
		env: {
			...process.env,
			DATABASE_URL: process.env.E2E_DATABASE_URL,
			DATA_DIR: process.env.E2E_DATA_DIR,
			ORIGIN: process.env.E2E_ORIGIN
		},
		encoding: 'utf8'
	});
	return new URL(out.trim().split('\n').pop()!).pathname;
}
