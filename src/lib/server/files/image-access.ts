/**
 * Who may read a stored image. Storefront photos and photos of public events are public; every
 * other image — feedback photos, inspection evidence, photos of events not shown to the public,
 * an image no record holds — is staff-only, for the towns of the record it belongs to (the
 * merchant's current town for feedback and inspections).
 */
import { and, eq, sql } from 'drizzle-orm';
import { db } from '../db';
import { event, eventPhoto, feedback, inspection, inspectionScore, merchant } from '../db/schema';
import { inScope } from '../access';
import type { SessionUser } from '../auth/session';

export type ImageAccess =
	| { kind: 'public'; immutable: boolean }
	| { kind: 'staff'; holders: Holder[] }
	| { kind: 'unknown' };

/** A record holding an image: what kind, in which town. */
export type Holder = { record: 'feedback' | 'inspection' | 'event'; townId: number | null };

/** The large version's key of either size. */
function largeKey(key: string) {
	return key.replace(/-s\.jpg$/, '.jpg');
}

function isPublic(key: string): ImageAccess | null {
	if (db.select({ id: merchant.id }).from(merchant).where(eq(merchant.photoKey, key)).get())
		return { kind: 'public', immutable: true };
	const shown = db
		.select({ id: eventPhoto.id })
		.from(eventPhoto)
		.innerJoin(event, eq(event.id, eventPhoto.eventId))
		.where(and(eq(eventPhoto.key, key), eq(event.isPublic, true)))
		.get();
	// an event can be taken off the public list, so its photos are not cached for ever
	return shown ? { kind: 'public', immutable: false } : null;
}

function holders(key: string): Holder[] {
	const fromFeedback = db
		.select({ townId: sql<number | null>`coalesce(${merchant.townId}, ${feedback.townId})` })
		.from(feedback)
		.leftJoin(merchant, eq(merchant.id, feedback.merchantId))
		.where(eq(feedback.photoKey, key))
		.all();
	const fromInspections = db
		.select({ townId: sql<number | null>`coalesce(${merchant.townId}, ${inspection.townId})` })
		.from(inspectionScore)
		.innerJoin(inspection, eq(inspection.id, inspectionScore.inspectionId))
		.leftJoin(merchant, eq(merchant.id, inspection.merchantId))
		.where(sql`exists (select 1 from json_each(${inspectionScore.photoKeys}) where value = ${key})`)
		.all();
	const fromEvents = db
		.select({ townId: event.townId })
		.from(eventPhoto)
		.innerJoin(event, eq(event.id, eventPhoto.eventId))
		.where(eq(eventPhoto.key, key))
		.all();
	return [
		...fromFeedback.map((r) => ({ record: 'feedback' as const, townId: r.townId })),
		...fromInspections.map((r) => ({ record: 'inspection' as const, townId: r.townId })),
		...fromEvents.map((r) => ({ record: 'event' as const, townId: r.townId }))
	];
}

/**
 * How an image may be read. Without a user only the public question is asked: an anonymous
 * request for a staff image costs no more than one for a missing one.
 */
export function accessOf(rawKey: string, user: SessionUser | null): ImageAccess {
	const key = largeKey(rawKey);
	const open = isPublic(key);
	if (open) return open;
	if (!user) return { kind: 'unknown' };
	return { kind: 'staff', holders: holders(key) };
}

/**
 * Whether the user may read a staff image: one of its records is in the user's towns, and of a
 * kind the role works on (inspectors: inspections only, as DESIGN.md gives them).
 */
export function mayRead(user: SessionUser, held: Holder[]): boolean {
	// an image no record holds yet (just uploaded, or left over): any staff member, no town to leak
	if (held.length === 0) return true;
	return held.some(
		(h) =>
			(user.role !== 'inspector' || h.record === 'inspection') &&
			(h.townId == null ? user.role === 'district_admin' : inScope(user, h.townId))
	);
}
