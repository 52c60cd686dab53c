/**
 * The public map's data: every shown street and merchant in one compact JSON (arrays, rounded
 * coordinates, one-letter levels), built once per content version and day and kept gzipped in
 * the one cache. The ETag is that version and day, so a revalidation costs one tiny read, and any
 * write — a rating change among them — moves it at once, from whichever worker made it.
 */
import { gzipSync } from 'node:zlib';
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { db } from '../db';
import { merchant, street } from '../db/schema';
import { cached, version as contentVersion } from '../cache';
import * as towns from '../towns';
import * as events from '../events/events';
import { todayISO } from '../../format';
import { CATEGORIES, LEVEL_CODE, type MapData } from '../../map/legend';

/** Public events from this many days ago onwards go on the events layer (and all upcoming ones). */
const EVENT_DAYS = 365;

function eventsFrom(now = new Date()) {
	return todayISO(new Date(now.getTime() - EVENT_DAYS * 86_400_000));
}

/** The map data's version: the content version, and the day, which moves the events layer. */
function version(): string {
	return `${contentVersion()}-${eventsFrom()}`;
}

/** The ETag of the current map data. */
export function etag(v = version()): string {
	return `"map-${v}"`;
}

const r5 = (n: number) => Math.round(n * 1e5) / 1e5;

export function build(v = version()): MapData {
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
		version: v,
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

/** The current map data as JSON bytes and gzip, rebuilt only when the version moved. */
export function current(): { etag: string; json: Buffer; gzip: Buffer } {
	return cached(`map-data:${eventsFrom()}`, () => {
		// Read before building, so a write during the build moves the version past this ETag.
		const v = version();
		const json = Buffer.from(JSON.stringify(build(v)));
		return { etag: etag(v), json, gzip: gzipSync(json, { level: 9 }) };
	});
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
