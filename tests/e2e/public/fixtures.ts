import type { APIRequestContext } from '@playwright/test';
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
