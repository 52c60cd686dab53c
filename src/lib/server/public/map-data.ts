/**
 * The public map's data: every shown street and merchant in one compact JSON (arrays, rounded
 * coordinates, one-letter levels), built once per data version and kept gzipped in memory.
 *
 * The version is a fingerprint of the tables the map reads, taken with one cheap query: merchant
 * and street counts and last updates, the newest archive entry (every rating change writes one)
 * the newest badge change and the public events. Any write that changes what the map shows moves it, so the ETag
 * changes with it and no module that writes has to remember to invalidate anything.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { db } from '../db';
import { merchant, street } from '../db/schema';
import * as towns from '../towns';
import * as events from '../events/events';
import { todayISO } from '../../format';
import { CATEGORIES, LEVEL_CODE, type MapData } from '../../map/legend';

/** Public events from this many days ago onwards go on the events layer (and all upcoming ones). */
const EVENT_DAYS = 365;

function eventsFrom(now = new Date()) {
	return todayISO(new Date(now.getTime() - EVENT_DAYS * 86_400_000));
}

export function fingerprint(): string {
	const row = db.$client
		.prepare(
			`select
				(select count(*) from merchant) as mc,
				(select coalesce(max(updated_at), 0) from merchant) as mu,
				(select count(*) from street) as sc,
				(select coalesce(max(updated_at), 0) from street) as su,
				(select coalesce(max(id), 0) from archive_entry) as ae,
				(select coalesce(max(state_changed_at), 0) from badge) as bs,
				(select count(*) from badge) as bc,
				(select count(*) from event) as ec,
				(select coalesce(max(updated_at), 0) from event) as eu,
				(select group_concat(name || active, ',') from town) as tn`
		)
		.get() as Record<string, number | string>;
	// The day moves the window of the events layer.
	const parts = [...Object.values(row).map(String), eventsFrom()];
	return createHash('sha1').update(parts.join('|')).digest('base64url').slice(0, 16);
}

const r5 = (n: number) => Math.round(n * 1e5) / 1e5;

export function build(version = fingerprint()): MapData {
	const shownStreets = db
		.select({
			id: street.id,
			townId: street.townId,
			name: street.name,
			status: street.status,
			geometry: street.geometry
		})
		.from(street)
		.where(ne(street.status, 'withdrawn'))
		.orderBy(asc(street.id))
		.all();
	const merchants = db
		.select({
			id: merchant.id,
			streetId: merchant.streetId,
			name: merchant.name,
			lat: merchant.lat,
			lng: merchant.lng,
			level: merchant.level,
			category: merchant.category
		})
		.from(merchant)
		.innerJoin(street, eq(street.id, merchant.streetId))
		.where(
			and(
				ne(street.status, 'withdrawn'),
				ne(merchant.tradingStatus, 'closed'),
				isNotNull(merchant.lat),
				isNotNull(merchant.lng)
			)
		)
		.orderBy(asc(merchant.id))
		.all();
	return {
		version,
		towns: towns.list().map((t): MapData['towns'][number] => [t.id, t.slug, t.name]),
		streets: shownStreets.map((s): MapData['streets'][number] => {
			const g = s.geometry;
			const ring: [number, number][] = !g
				? []
				: (g.type === 'Polygon' ? (g.coordinates[0] ?? []) : g.coordinates).map(
						([lng, lat]) => [r5(lat), r5(lng)] as [number, number]
					);
			return [s.id, s.townId, s.name, s.status, g?.type === 'Polygon' ? 'P' : 'L', ring];
		}),
		merchants: merchants.map((m): MapData['merchants'][number] => [
			m.id,
			m.streetId,
			m.name,
			r5(m.lat!),
			r5(m.lng!),
			LEVEL_CODE[m.level],
			Math.max(0, CATEGORIES.indexOf(m.category))
		]),
		events: events
			.mapPoints({ from: eventsFrom() })
			.map((e): MapData['events'][number] => [
				e.id,
				e.title,
				r5(e.lat),
				r5(e.lng),
				e.startDate,
				e.theme ?? ''
			])
	};
}

type Cached = { version: string; etag: string; json: Buffer; gzip: Buffer };
let cached: Cached | undefined;

/** The current map data as JSON bytes and gzip, rebuilt only when the version moved. */
export function current(): Cached {
	const version = fingerprint();
	if (cached?.version === version) return cached;
	const json = Buffer.from(JSON.stringify(build(version)));
	cached = { version, etag: `"map-${version}"`, json, gzip: gzipSync(json, { level: 9 }) };
	return cached;
}

const memos = new Map<string, { version: string; value: unknown }>();

/**
 * A value computed from the streets, merchants, badges and events, kept until the version moves:
 * the home page's figures and lists are then one fingerprint query away.
 */
export function memo<T>(name: string, compute: () => T): T {
	const version = fingerprint();
	const hit = memos.get(name);
	if (hit?.version === version) return hit.value as T;
	const value = compute();
	memos.set(name, { version, value });
	return value;
}

/** Streets by town for the filter lists (streets of withdrawn status are left out). */
export function streetOptions() {
	return db
		.select({ id: street.id, name: street.name, townId: street.townId })
		.from(street)
		.where(ne(street.status, 'withdrawn'))
		.orderBy(asc(street.townId), asc(street.name))
		.all();
}

export function counts() {
	const row = db
		.select({
			streets: sql<number>`(select count(*) from ${street} where ${street.status} != 'withdrawn')`,
			merchants: sql<number>`count(*)`,
			model: sql<number>`coalesce(sum(${merchant.level} = 'model'), 0)`,
			honest: sql<number>`coalesce(sum(${merchant.level} = 'honest'), 0)`
		})
		.from(merchant)
		.where(ne(merchant.tradingStatus, 'closed'))
		.get();
	return row ?? { streets: 0, merchants: 0, model: 0, honest: 0 };
}
