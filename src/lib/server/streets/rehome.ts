/**
 * Moving a merchant or a street to another town. Feedback, inspections and archive entries keep a
 * copy of the town for their lists; access is always checked against the merchant's (or, for a
 * street's own inspection, the street's) current town, and a move brings every copy along in the
 * transaction of the move, with one audit entry saying what was re-homed.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Tx } from '../db';
import { archiveEntry, feedback, inspection, merchant } from '../db/schema';
import * as audit from '../audit';
import type { Actor } from '../actor';

export type Rehomed = {
	/** Pending feedback and draft inspections: the work the new town must now pick up. */
	openFeedback: number;
	openInspections: number;
	feedback: number;
	inspections: number;
	archiveEntries: number;
};

/**
 * Re-homes what hangs off the merchants into `toTown`. With `toStreet`, the merchants' draft
 * inspections follow them to their new street (a submitted one keeps the street it was made on).
 */
function rehomeMerchants(tx: Tx, ids: number[], toTown: number, toStreet?: number): Rehomed {
	const out: Rehomed = {
		openFeedback: 0,
		openInspections: 0,
		feedback: 0,
		inspections: 0,
		archiveEntries: 0
	};
	if (!ids.length) return out;
	const mine = (col: SQLiteColumn) => inArray(col, ids);
	out.openFeedback =
		tx
			.select({ n: sql<number>`count(*)` })
			.from(feedback)
			.where(and(mine(feedback.merchantId), eq(feedback.status, 'pending')))
			.get()?.n ?? 0;
	out.openInspections =
		tx
			.select({ n: sql<number>`count(*)` })
			.from(inspection)
			.where(and(mine(inspection.merchantId), eq(inspection.status, 'draft')))
			.get()?.n ?? 0;
	out.feedback = tx
		.update(feedback)
		.set({ townId: toTown })
		.where(mine(feedback.merchantId))
		.run().changes;
	out.inspections = tx
		.update(inspection)
		.set({ townId: toTown })
		.where(mine(inspection.merchantId))
		.run().changes;
	if (toStreet != null)
		tx.update(inspection)
			.set({ streetId: toStreet })
			.where(and(mine(inspection.merchantId), eq(inspection.status, 'draft')))
			.run();
	out.archiveEntries = tx
		.update(archiveEntry)
		.set({ townId: toTown })
		.where(mine(archiveEntry.merchantId))
		.run().changes;
	return out;
}

/** A merchant moved to a street of another town (the merchant row itself is already written). */
export function merchantMoved(
	tx: Tx,
	actor: Actor,
	m: { id: number; streetId: number },
	fromTown: number,
	toTown: number,
	now = new Date()
): Rehomed {
	const moved = rehomeMerchants(tx, [m.id], toTown, m.streetId);
	audit.record(
		tx,
		actor,
		{
			action: 'merchant.move',
			entityType: 'merchant',
			entityId: m.id,
			townId: toTown,
			before: { townId: fromTown },
			after: { townId: toTown, streetId: m.streetId, ...moved }
		},
		now
	);
	return moved;
}

/** A street moved to another town: its merchants, their work and the street's own inspections. */
export function streetMoved(
	tx: Tx,
	actor: Actor,
	streetId: number,
	fromTown: number,
	toTown: number,
	now = new Date()
): Rehomed & { merchants: number } {
	tx.update(merchant).set({ townId: toTown }).where(eq(merchant.streetId, streetId)).run();
	const ids = tx
		.select({ id: merchant.id })
		.from(merchant)
		.where(eq(merchant.streetId, streetId))
		.all()
		.map((r) => r.id);
	const moved = rehomeMerchants(tx, ids, toTown);
	const own = and(eq(inspection.streetId, streetId), eq(inspection.kind, 'street'));
	moved.openInspections +=
		tx
			.select({ n: sql<number>`count(*)` })
			.from(inspection)
			.where(and(own, eq(inspection.status, 'draft')))
			.get()?.n ?? 0;
	moved.inspections += tx.update(inspection).set({ townId: toTown }).where(own).run().changes;
	const result = { ...moved, merchants: ids.length };
	audit.record(
		tx,
		actor,
		{
			action: 'street.move',
			entityType: 'street',
			entityId: streetId,
			townId: toTown,
			before: { townId: fromTown },
			after: { townId: toTown, ...result }
		},
		now
	);
	return result;
}
