/** Base-map tile providers; which one is used is configured on the server (MAP_TILES). */
export type Crs = 'wgs84' | 'gcj02';

export type TileConfig = {
	provider: 'osm' | 'tianditu' | 'amap' | 'none';
	/** Layers drawn in order (天地图 has a base and a label layer). */
	layers: { url: string; subdomains?: string; maxZoom: number }[];
	attribution: string;
	/** The coordinate system the tiles are drawn in; stored data is always WGS-84. */
	crs: Crs;
};

/** Songjiang's centre, for maps with nothing to fit. */
export const SONGJIANG: [number, number] = [31.032, 121.227];
