import { describe, expect, it } from 'vitest';
import { tileConfig } from './map-config';

describe('tile configuration', () => {
	it('defaults to OpenStreetMap in WGS-84', () => {
		const c = tileConfig({});
		expect(c.provider).toBe('osm');
		expect(c.crs).toBe('wgs84');
	});
	it('uses 天地图 only with a key, and 高德 in GCJ-02', () => {
		expect(tileConfig({ MAP_TILES: 'tianditu' }).provider).toBe('osm');
		const t = tileConfig({ MAP_TILES: 'tianditu', TIANDITU_KEY: 'k&1' });
		expect(t.layers[0].url).toContain('tk=k%261');
		expect(tileConfig({ MAP_TILES: 'amap' }).crs).toBe('gcj02');
	});
});
