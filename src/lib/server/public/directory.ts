/**
 * The public directory of honesty-street merchants: the list beside the map (same filters, server
 * rendered, paginated, optionally nearest first), the resident-facing merchant page with its public
 * archive, and the red list. Read-only; nothing staff-only (contacts, complainants, internal
 * notes) leaves this module.
 */
import { and, asc, desc, eq, inArray, like, ne, sql, type SQL } from 'drizzle-orm';
import { db } from '../db';
import { archiveEntry, badge, merchant, street, town } from '../db/schema';
import * as towns from '../towns';
import { imageUrl } from '../files/uploads';
import type { MapFilter } from '../../map/legend';

export type ListQuery = MapFilter & {
	page?: number;
	pageSize?: number;
	/** WGS-84 [lat, lng]: nearest first. */
	near?: [number, number];
};

function conditions(f: MapFilter): SQL[] {
	const c: SQL[] = [ne(street.status, 'withdrawn'), ne(merchant.tradingStatus, 'closed')];
	if (f.town) c.push(eq(merchant.townId, towns.bySlug(f.town)?.id ?? -1));
	if (f.street) c.push(eq(merchant.streetId, f.street));
	if (f.level) c.push(eq(merchant.level, f.level));
	if (f.category) c.push(eq(merchant.category, f.category));
	if (f.q) c.push(like(merchant.name, `%${f.q.replace(/[%_\\]/g, '')}%`));
	return c;
}

export function list(f: ListQuery) {
	const pageSize = Math.min(Math.max(f.pageSize ?? 20, 1), 100);
	const where = and(...conditions(f));
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(merchant)
			.innerJoin(street, eq(street.id, merchant.streetId))
			.where(where)
			.get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(Math.max(1, f.page ?? 1), pages);
	// Squared equirectangular distance: orders correctly at district scale without trigonometry.
	const k = f.near ? Math.cos((f.near[0] * Math.PI) / 180) ** 2 : 1;
	const distance = f.near
		? sql<number>`((${merchant.lat} - ${f.near[0]}) * (${merchant.lat} - ${f.near[0]}) + (${merchant.lng} - ${f.near[1]}) * (${merchant.lng} - ${f.near[1]}) * ${k})`
		: undefined;
	const items = db
		.select({
			id: merchant.id,
			name: merchant.name,
			category: merchant.category,
			address: merchant.address,
			level: merchant.level,
			lat: merchant.lat,
			lng: merchant.lng,
			streetId: street.id,
			streetName: street.name,
			townName: town.name,
			badgeState: badge.state,
			validUntil: badge.validUntil
		})
		.from(merchant)
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.leftJoin(badge, eq(badge.id, merchant.currentBadgeId))
		.where(where)
		.orderBy(
			...(distance
				? [sql`${merchant.lat} is null`, asc(distance)]
				: [
						sql`case ${merchant.level} when 'model' then 0 when 'honest' then 1 else 2 end`,
						asc(town.sortOrder),
						asc(street.name),
						asc(merchant.name)
					]),
			asc(merchant.id)
		)
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all();
	return { items, page, pageSize, total };
}

/** A merchant as residents see it; undefined when there is none to show. */
export function merchantPage(id: number) {
	const row = db
		.select({
			id: merchant.id,
			name: merchant.name,
			category: merchant.category,
			address: merchant.address,
			lat: merchant.lat,
			lng: merchant.lng,
			level: merchant.level,
			tradingStatus: merchant.tradingStatus,
			photoKey: merchant.photoKey,
			lastInspectedOn: merchant.lastInspectedOn,
			streetId: street.id,
			streetName: street.name,
			streetStatus: street.status,
			convention: street.convention,
			townSlug: town.slug,
			townName: town.name,
			badgeLevel: badge.level,
			badgeState: badge.state,
			badgeSerial: badge.serial,
			validUntil: badge.validUntil,
			stateReason: badge.stateReason
		})
		.from(merchant)
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.leftJoin(badge, eq(badge.id, merchant.currentBadgeId))
		.where(eq(merchant.id, id))
		.get();
	if (!row) return undefined;
	return {
		...row,
		photo: imageUrl(row.photoKey),
		photoSmall: imageUrl(row.photoKey, true)
	};
}

export type MerchantPage = NonNullable<ReturnType<typeof merchantPage>>;

/** The public archive: no complainants, no internal notes, only entries marked public. */
export function publicArchive(merchantId: number, limit = 100) {
	return db
		.select({
			id: archiveEntry.id,
			kind: archiveEntry.kind,
			occurredAt: archiveEntry.occurredAt,
			points: archiveEntry.points,
			levelAfter: archiveEntry.levelAfter,
			title: archiveEntry.title,
			publicNote: archiveEntry.publicNote
		})
		.from(archiveEntry)
		.where(and(eq(archiveEntry.merchantId, merchantId), eq(archiveEntry.public, true)))
		.orderBy(desc(archiveEntry.occurredAt), desc(archiveEntry.id))
		.limit(limit)
		.all();
}

/** 红榜: merchants holding a valid model-merchant badge, best running score first. */
export function redList(limit = 12) {
	return db
		.select({
			id: merchant.id,
			name: merchant.name,
			category: merchant.category,
			streetName: street.name,
			townName: town.name,
			validUntil: badge.validUntil
		})
		.from(merchant)
		.innerJoin(badge, eq(badge.id, merchant.currentBadgeId))
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.where(
			and(
				eq(merchant.level, 'model'),
				eq(badge.state, 'valid'),
				ne(merchant.tradingStatus, 'closed'),
				ne(street.status, 'withdrawn')
			)
		)
		.orderBy(desc(merchant.score), asc(merchant.id))
		.limit(limit)
		.all();
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
