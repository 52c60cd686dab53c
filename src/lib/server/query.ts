/**
 * List parameters, read one way by staff pages, public pages, exports and `/api/v1`: `town` is a
 * town's slug everywhere, `page` and `pageSize` page in SQL, `q` is a search. A bad value is a 400
 * with a Chinese message that names the parameter — never ignored, never a 500. Endpoints under
 * `/api/v1` turn it into `{ "error": "…" }` (see `api` in `public/`).
 */
import { error } from '@sveltejs/kit';
import * as towns from './towns';
import type { Town } from './db/schema';

export const DEFAULT_PAGE_SIZE = 50;
/** The largest `pageSize` any list accepts. */
export const MAX_PAGE_SIZE = 200;

/** A parser of one parameter: the raw string (never empty) to a value, or `bad(…)`. */
export type Param<T> = (raw: string, name: string) => T;

export function bad(name: string, message: string): never {
	error(400, `参数 ${name} 有误：${message}`);
}

function shown(raw: string) {
	return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
}

/** A town by its pinyin slug (`sheshan`). */
export const town: Param<Town> = (raw, name) =>
	towns.bySlug(raw) ??
	bad(name, `没有标识为「${shown(raw)}」的街镇，请用街镇的拼音标识，如 sheshan`);

/** A positive whole number, such as a record's id. */
export const id: Param<number> = (raw, name) => {
	if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) bad(name, `应为正整数，收到「${shown(raw)}」`);
	return Number(raw);
};

/** A campaign year, 2000–2100. */
export const year: Param<number> = (raw, name) => {
	if (!/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100)
		bad(name, `应为 2000 到 2100 之间的四位年份，收到「${shown(raw)}」`);
	return Number(raw);
};

/** A calendar date, YYYY-MM-DD. */
export const date: Param<string> = (raw, name) => {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
	const d = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3])
		bad(name, `应为 YYYY-MM-DD 格式的日期，收到「${shown(raw)}」`);
	return raw;
};

/** Free text up to `max` characters, trimmed. */
export function text(max = 60): Param<string> {
	return (raw, name) => {
		const t = raw.trim();
		if (t.length > max) bad(name, `不能超过 ${max} 个字`);
		return t;
	};
}

/** One of a vocabulary's values; the message lists what is allowed. */
export function oneOf<const T extends string>(
	values: readonly T[],
	labels?: Partial<Record<T, string>>
): Param<T> {
	return (raw, name) => {
		const hit = values.find((v) => v === raw);
		if (hit) return hit;
		const allowed = values.map((v) => (labels?.[v] ? `${v}（${labels[v]}）` : v)).join('、');
		return bad(name, `「${shown(raw)}」不是可选的值，可选：${allowed}`);
	};
}

/** `lat,lng` in WGS-84. */
export const point: Param<{ lat: number; lng: number }> = (raw, name) => {
	const m = /^(-?\d{1,3}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/.exec(raw.trim());
	const lat = m ? Number(m[1]) : NaN;
	const lng = m ? Number(m[2]) : NaN;
	if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180))
		bad(name, '应为「纬度,经度」，如 31.03,121.22');
	return { lat, lng };
};

type Parsed<F extends Record<string, Param<unknown>>> = {
	[K in keyof F]?: F[K] extends Param<infer T> ? T : never;
};

export type Paging = { page: number; pageSize: number; limit: number; offset: number };

export type ListQuery<F extends Record<string, Param<unknown>>> = Paging & {
	q?: string;
	filters: Parsed<F>;
};

/**
 * Reads `page`, `pageSize`, `q` and the given filters from a URL. Unknown parameters are left
 * alone (links carry tracking and view parameters); a known one with a bad value is a 400.
 */
export function list<F extends Record<string, Param<unknown>>>(
	url: URL,
	filters: F,
	opts: { pageSize?: number; maxPageSize?: number; qMax?: number } = {}
): ListQuery<F> {
	const p = url.searchParams;
	const max = opts.maxPageSize ?? MAX_PAGE_SIZE;
	const page = one(p, 'page', id) ?? 1;
	if (page > 100_000) bad('page', '页码过大');
	const pageSize = one(p, 'pageSize', id) ?? opts.pageSize ?? DEFAULT_PAGE_SIZE;
	if (pageSize > max) bad('pageSize', `每页最多 ${max} 条`);
	const q = one(p, 'q', text(opts.qMax ?? 60)) || undefined;
	return {
		page,
		pageSize,
		limit: pageSize,
		offset: (page - 1) * pageSize,
		q,
		filters: params(url, filters)
	};
}

const WHOLE = 2 ** 31 - 1;

/**
 * The same list with its paging lifted: every row the filters select, for a download that a
 * client reads whole (GeoJSON for GIS). `page` and `pageSize` in the URL are still checked.
 */
export function whole<Q extends Paging>(q: Q): Q {
	return { ...q, page: 1, pageSize: WHOLE, limit: WHOLE, offset: 0 };
}

/** Only the named filters, for a page that is not a list (a dashboard with `town` and `year`). */
export function params<F extends Record<string, Param<unknown>>>(url: URL, filters: F): Parsed<F> {
	const out: Record<string, unknown> = {};
	for (const [name, parse] of Object.entries(filters))
		out[name] = one(url.searchParams, name, parse);
	return out as Parsed<F>;
}

function one<T>(p: URLSearchParams, name: string, parse: Param<T>): T | undefined {
	const raw = p.get(name);
	if (raw === null || raw.trim() === '') return undefined;
	return parse(raw.trim(), name);
}

/** The shape every paged list answers, pages and `/api/v1` alike. */
export function paged<T>(items: T[], total: number, paging: Pick<Paging, 'page' | 'pageSize'>) {
	return { items, page: paging.page, pageSize: paging.pageSize, total };
}
