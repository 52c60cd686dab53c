/**
 * What the public map and list show about a merchant, safe for the browser: the one-letter codes
 * of the compact map data, the fixed level colours, and the filters kept in the URL.
 */
import {
	BADGE_STATE_LABEL,
	CATEGORY_LABEL,
	LEVEL_LABEL,
	LEVEL_SHORT,
	LEVELS,
	MERCHANT_CATEGORIES,
	STREET_STATUS_LABEL,
	type BadgeState,
	type Level
} from '../streets';

export { BADGE_STATE_LABEL, CATEGORY_LABEL, LEVEL_LABEL, LEVEL_SHORT, STREET_STATUS_LABEL };
export type { BadgeState, Level };
export type Category = keyof typeof CATEGORY_LABEL;

export { LEVELS };
/** The map data's category index counts in this order. */
export const CATEGORIES: readonly Category[] = MERCHANT_CATEGORIES;

/** Short codes in the map data: one letter per level. */
export const LEVEL_CODE: Record<Level, string> = { model: 'm', honest: 'h', none: 'n' };
export const LEVEL_BY_CODE: Record<string, Level> = { m: 'model', h: 'honest', n: 'none' };

/** The level colours of src/app.css, for canvas-drawn markers that cannot read CSS variables. */
export const LEVEL_COLOR: Record<Level, string> = {
	model: '#a16207',
	honest: '#1f7a45',
	none: '#4b5563'
};

/**
 * The compact map data (`/api/v1/map`): arrays, not objects. Coordinates WGS-84, five decimals
 * (about a metre).
 */
export type MapData = {
	version: string;
	/** [id, slug, name] */
	towns: [number, string, string][];
	/** [id, townId, name, status, 'L' | 'P', coordinates as [lat, lng][] (a polygon's outer ring)] */
	streets: [number, number, string, string, 'L' | 'P', [number, number][]][];
	/** [id, streetId, name, lat, lng, level code, category index into CATEGORIES] */
	merchants: [number, number, string, number, number, string, number][];
	/** Public events of the last year and upcoming: [id, title, lat, lng, start date YYYY-MM-DD, theme] */
	events: [number, string, number, number, string, string][];
};

/** The filters shared by the map, the list and their URLs. */
export type MapFilter = {
	town?: string;
	street?: number;
	level?: Level;
	category?: Category;
	q?: string;
};

export function filterParams(f: MapFilter): URLSearchParams {
	const p = new URLSearchParams();
	if (f.town) p.set('town', f.town);
	if (f.street) p.set('street', String(f.street));
	if (f.level) p.set('level', f.level);
	if (f.category) p.set('category', f.category);
	if (f.q) p.set('q', f.q);
	return p;
}

/** Straight-line distance in metres (good enough within a district). */
export function distanceM(a: [number, number], b: [number, number]): number {
	const rad = Math.PI / 180;
	const x = (b[1] - a[1]) * rad * Math.cos(((a[0] + b[0]) / 2) * rad);
	const y = (b[0] - a[0]) * rad;
	return Math.sqrt(x * x + y * y) * 6_371_000;
}

export function formatDistance(m: number): string {
	return m < 1000 ? `${Math.round(m / 10) * 10} 米` : `${(m / 1000).toFixed(1)} 公里`;
}
