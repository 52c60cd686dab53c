/**
 * Stored coordinates are WGS-84. 高德 tiles are drawn in GCJ-02, so points are shifted for display
 * and shifted back when an officer picks a point on such a map.
 */
import gcoord from 'gcoord';
import type { Crs } from './tiles';

export type LatLng = [number, number];

export function wgs84ToGcj02([lat, lng]: LatLng): LatLng {
	const [x, y] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02);
	return [y, x];
}

export function gcj02ToWgs84([lat, lng]: LatLng): LatLng {
	const [x, y] = gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84);
	return [y, x];
}

/** A stored WGS-84 point as the map draws it. */
export function toDisplay(p: LatLng, crs: Crs): LatLng {
	return crs === 'gcj02' ? wgs84ToGcj02(p) : p;
}

/** A point picked on the map, as it is stored (WGS-84). */
export function fromDisplay(p: LatLng, crs: Crs): LatLng {
	return crs === 'gcj02' ? gcj02ToWgs84(p) : p;
}

/** Shifts every position of a GeoJSON geometry for display. */
export function geometryToDisplay<G extends GeoJSON.Geometry>(g: G, crs: Crs): G {
	if (crs === 'wgs84') return g;
	const shift = (c: number[]): number[] => {
		const [lat, lng] = wgs84ToGcj02([c[1], c[0]]);
		return [lng, lat];
	};
	const walk = (coords: unknown): unknown =>
		typeof (coords as number[])[0] === 'number'
			? shift(coords as number[])
			: (coords as unknown[]).map(walk);
	if (g.type === 'GeometryCollection')
		return { ...g, geometries: g.geometries.map((x) => geometryToDisplay(x, crs)) };
	return {
		...g,
		coordinates: walk((g as Exclude<G, GeoJSON.GeometryCollection>).coordinates)
	} as G;
}

/** Rounds to 6 decimals (about 10 cm), the precision stored. */
export function round6(n: number): number {
	return Math.round(n * 1e6) / 1e6;
}
