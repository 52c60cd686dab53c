/**
 * The public directory of honesty-street merchants, one read model per job: the list beside the
 * map (and its open-data twin, every merchant by id), the merchant as residents see it, the red
 * list and the streets. Read-only and cached on the content version; nothing staff-only
 * (contacts, complainants, internal notes) leaves this module.
 */
import { and, asc, desc, eq, inArray, like, ne, sql, type SQL } from 'drizzle-orm';
import { db } from '../db';
import { badge, merchant, street, town, type Town } from '../db/schema';
import * as query from '../query';
import * as towns from '../towns';
import { cached } from '../cache';
import { imageUrl } from '../files/uploads';
import { instruments, supervision } from '../streets';
import { todayISO } from '../../format';
import { CATEGORIES, CATEGORY_LABEL, LEVELS, LEVEL_SHORT } from '../../map/legend';

/** The filters of the map, the list and `/api/v1/merchants`, read with `query.list`. */
export const FILTERS = {
	town: query.town,
	street: query.id,
	level: query.oneOf(LEVELS, LEVEL_SHORT),
	category: query.oneOf(CATEGORIES, CATEGORY_LABEL),
	near: query.point
};

type Filters = query.ListQuery<typeof FILTERS>['filters'];
export type ListQuery = Pick<query.ListQuery<typeof FILTERS>, 'page' | 'pageSize' | 'q'> & {
	filters: Filters;
};

/**
 * `shown`: what the map and the list show (open merchants on streets not withdrawn), model
 * merchants first. `open`: every merchant, by id, for open data.
 */
type View = 'shown' | 'open';

/** The list parameters of the map and the list pages: 20 a page, up to 100. */
export function listQuery(url: URL, pageSize = 20): ListQuery {
	return query.list(url, FILTERS, { pageSize, maxPageSize: 100, qMax: 40 });
}

/** What is shown at all: open merchants on streets that are not withdrawn. */
const shownOnly = () => [ne(street.status, 'withdrawn'), ne(merchant.tradingStatus, 'closed')];

function conditions(f: Filters, q: string | undefined, view: View): SQL[] {
	const c: SQL[] = view === 'shown' ? shownOnly() : [];
	if (f.town) c.push(eq(merchant.townId, f.town.id));
	if (f.street) c.push(eq(merchant.streetId, f.street));
	if (f.level) c.push(eq(merchant.level, f.level));
	if (f.category) c.push(eq(merchant.category, f.category));
	if (q) c.push(like(merchant.name, `%${q.replace(/[%_\\]/g, '')}%`));
	return c;
}

function keyOf(q: ListQuery, view: View) {
	const { town: t, near, ...rest } = q.filters;
	return JSON.stringify([view, q.page, q.pageSize, q.q, t?.slug, near?.lat, near?.lng, rest]);
}

const count = { n: sql<number>`count(*)` };

/** The choices of the filters: towns that have shown streets, and those streets by town. */
export function choices() {
	return cached('directory.choices', () => {
		const streets = db
			.select({ id: street.id, name: street.name, townId: street.townId })
			.from(street)
			.where(ne(street.status, 'withdrawn'))
			.orderBy(asc(street.townId), asc(street.name))
			.all();
		return {
			towns: towns
				.list()
				.filter((t) => streets.some((s) => s.townId === t.id))
				.map((t) => ({ id: t.id, slug: t.slug, name: t.name })),
			streets
		};
	});
}

/** One page of merchants, paged in SQL. */
export function list(q: ListQuery, view: View = 'shown') {
	return cached(`directory.list:${keyOf(q, view)}`, () => {
		const where = and(...conditions(q.filters, q.q, view));
		const total =
			db
				.select(count)
				.from(merchant)
				.innerJoin(street, eq(street.id, merchant.streetId))
				.where(where)
				.get()?.n ?? 0;
		// A page past the end shows the last page; open data answers it empty, so that
		// a client paging until an empty page stops.
		const last = Math.max(1, Math.ceil(total / q.pageSize));
		const page = view === 'shown' ? Math.min(q.page, last) : q.page;
		const near = q.filters.near;
		// Squared equirectangular distance: orders correctly at district scale without trigonometry.
		const k = near ? Math.cos((near.lat * Math.PI) / 180) ** 2 : 1;
		const order = near
			? [
					sql`${merchant.lat} is null`,
					sql`((${merchant.lat} - ${near.lat}) * (${merchant.lat} - ${near.lat}) + (${merchant.lng} - ${near.lng}) * (${merchant.lng} - ${near.lng}) * ${k})`
				]
			: view === 'open'
				? []
				: [
						sql`case ${merchant.level} when 'model' then 0 when 'honest' then 1 else 2 end`,
						asc(town.sortOrder),
						asc(street.name),
						asc(merchant.name)
					];
		const items = db
			.select({
				id: merchant.id,
				name: merchant.name,
				category: merchant.category,
				address: merchant.address,
				level: merchant.level,
				tradingStatus: merchant.tradingStatus,
				lat: merchant.lat,
				lng: merchant.lng,
				streetId: street.id,
				streetName: street.name,
				townSlug: town.slug,
				townName: town.name,
				badgeState: badge.state,
				validUntil: badge.validUntil
			})
			.from(merchant)
			.innerJoin(street, eq(street.id, merchant.streetId))
			.innerJoin(town, eq(town.id, merchant.townId))
			.leftJoin(badge, eq(badge.id, merchant.currentBadgeId))
			.where(where)
			.orderBy(...order, asc(merchant.id))
			.limit(q.pageSize)
			.offset((page - 1) * q.pageSize)
			.all();
		return query.paged(items, total, { page, pageSize: q.pageSize });
	});
}

/**
 * One merchant as the public sees it — the merchant page and `/api/v1/merchants/{id}` alike:
 * level, badge, metrology and the public archive (no complainants, no internal notes, only
 * public entries). Undefined when there is no such merchant.
 */
export function detail(id: number) {
	const today = todayISO();
	return cached(`directory.merchant:${id}:${today}`, () => {
		const d = db
			.select({
				m: merchant,
				streetName: street.name,
				convention: street.convention,
				townSlug: town.slug,
				townName: town.name,
				badge: {
					serial: badge.serial,
					level: badge.level,
					state: badge.state,
					validUntil: badge.validUntil,
					stateReason: badge.stateReason
				}
			})
			.from(merchant)
			.innerJoin(street, eq(street.id, merchant.streetId))
			.innerJoin(town, eq(town.id, merchant.townId))
			.leftJoin(badge, eq(badge.id, merchant.currentBadgeId))
			.where(eq(merchant.id, id))
			.get();
		if (!d) return undefined;
		const m = d.m;
		return {
			id: m.id,
			name: m.name,
			uscc: m.uscc,
			category: m.category,
			address: m.address,
			tradingStatus: m.tradingStatus,
			level: m.level,
			score: m.score,
			lastInspectedOn: m.lastInspectedOn,
			location: m.lat != null && m.lng != null ? { lat: m.lat, lng: m.lng } : null,
			photo: imageUrl(m.photoKey),
			photoSmall: imageUrl(m.photoKey, true),
			street: { id: m.streetId, name: d.streetName, convention: d.convention },
			town: { slug: d.townSlug, name: d.townName },
			badge: d.badge,
			instruments: instruments
				.forMerchant(id, today)
				.filter((i) => !i.retired)
				.map((i) => ({ type: i.type, nextDueOn: i.nextDueOn, status: i.status })),
			archive: supervision.archive(id, 'public')
		};
	});
}
/**
 * 红榜, the one rule for the home page and `/redlist`: a model merchant whose current badge is
 * valid, still trading, on a street that is not withdrawn. The home page shows the best running
 * scores (`by: 'score'`); `/redlist` lists them by town and street (`by: 'place'`).
 */
export function redList(
	q: { town?: Town; page?: number; pageSize: number },
	by: 'score' | 'place' = 'place'
) {
	const page = Math.max(1, q.page ?? 1);
	return cached(`directory.red:${by}:${q.town?.slug ?? ''}:${page}:${q.pageSize}`, () => {
		const conds = [eq(merchant.level, 'model'), eq(badge.state, 'valid'), ...shownOnly()];
		if (q.town) conds.push(eq(merchant.townId, q.town.id));
		const where = and(...conds);
		const items = db
			.select({
				id: merchant.id,
				name: merchant.name,
				category: merchant.category,
				address: merchant.address,
				score: merchant.score,
				streetName: street.name,
				townName: town.name,
				serial: badge.serial,
				validUntil: badge.validUntil
			})
			.from(merchant)
			.innerJoin(badge, eq(badge.id, merchant.currentBadgeId))
			.innerJoin(street, eq(street.id, merchant.streetId))
			.innerJoin(town, eq(town.id, merchant.townId))
			.where(where)
			.orderBy(
				...(by === 'score'
					? [desc(merchant.score)]
					: [asc(town.sortOrder), asc(street.name), desc(merchant.score)]),
				asc(merchant.id)
			)
			.limit(q.pageSize)
			.offset((page - 1) * q.pageSize)
			.all();
		const total =
			db
				.select(count)
				.from(merchant)
				.innerJoin(badge, eq(badge.id, merchant.currentBadgeId))
				.innerJoin(street, eq(street.id, merchant.streetId))
				.where(where)
				.get()?.n ?? 0;
		return query.paged(items, total, { page, pageSize: q.pageSize });
	});
}

/** Public notices of revoked badges (摘牌公示), newest first. */
export function revoked() {
	return cached('directory.revoked', () => supervision.revokedNotices());
}

/** Streets with their merchant counts by level, for the home page. */
export function streetSummaries(limit = 12) {
	return db
		.select({
			id: street.id,
			name: street.name,
			status: street.status,
			townName: town.name,
			townSlug: town.slug,
			merchants: sql<number>`count(${merchant.id})`,
			model: sql<number>`coalesce(sum(${merchant.level} = 'model'), 0)`,
			honest: sql<number>`coalesce(sum(${merchant.level} = 'honest'), 0)`
		})
		.from(street)
		.innerJoin(town, eq(town.id, street.townId))
		.leftJoin(merchant, and(eq(merchant.streetId, street.id), ne(merchant.tradingStatus, 'closed')))
		.where(inArray(street.status, ['building', 'awarded']))
		.groupBy(street.id)
		.orderBy(asc(town.sortOrder), asc(street.name))
		.limit(limit)
		.all();
}

/** Every street for open data, public fields only, a page at a time. */
export function streets(q: { filters: { town?: Town }; page: number; pageSize: number }) {
	const t = q.filters.town;
	return cached(`directory.streets:${t?.slug ?? ''}:${q.page}:${q.pageSize}`, () => {
		const where = t ? eq(street.townId, t.id) : undefined;
		const items = db
			.select({
				id: street.id,
				name: street.name,
				status: street.status,
				townSlug: town.slug,
				townName: town.name,
				geometry: street.geometry,
				convention: street.convention,
				committeeContact: street.committeeContact,
				merchants: sql<number>`(select count(*) from ${merchant} where ${merchant.streetId} = ${street.id})`
			})
			.from(street)
			.innerJoin(town, eq(town.id, street.townId))
			.where(where)
			.orderBy(asc(town.sortOrder), asc(street.name), asc(street.id))
			.limit(q.pageSize)
			.offset((q.page - 1) * q.pageSize)
			.all();
		const total = db.select(count).from(street).where(where).get()?.n ?? 0;
		return query.paged(items, total, q);
	});
}
