/** The base map, from the environment: MAP_TILES = osm (default) | tianditu | amap | none. */
import type { TileConfig } from '../../map/tiles';

export function tileConfig(env: Record<string, string | undefined> = process.env): TileConfig {
	const provider = env.MAP_TILES ?? 'osm';
	if (provider === 'tianditu' && env.TIANDITU_KEY) {
		const tk = encodeURIComponent(env.TIANDITU_KEY);
		const layer = (name: string) =>
			`https://t{s}.tianditu.gov.cn/${name}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${name}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${tk}`;
		return {
			provider: 'tianditu',
			layers: [
				{ url: layer('vec'), subdomains: '01234567', maxZoom: 18 },
				{ url: layer('cva'), subdomains: '01234567', maxZoom: 18 }
			],
			attribution: '© 天地图',
			crs: 'wgs84'
		};
	}
	if (provider === 'amap')
		return {
			provider: 'amap',
			layers: [
				{
					url: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
					subdomains: '1234',
					maxZoom: 18
				}
			],
			attribution: '© 高德地图',
			crs: 'gcj02'
		};
	if (provider === 'none') return { provider: 'none', layers: [], attribution: '', crs: 'wgs84' };
	return {
		provider: 'osm',
		layers: [
			{ url: env.OSM_TILE_URL ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', maxZoom: 19 }
		],
		attribution: '© OpenStreetMap 贡献者',
		crs: 'wgs84'
	};
}
