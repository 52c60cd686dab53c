/**
 * What a submitted inspection of a metrology unit does to the unit: passing (a level above 未达标)
 * names a unit under creation (已命名, dated the inspection day) or counts as a named unit's yearly
 * review; failing a named unit's review revokes it. Runs in the inspection's transaction.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db';
import { metrologyUnit, type Inspection } from '../db/schema';
import * as audit from '../audit';
import type { Actor } from '../actor';

export function applyInspection(tx: Tx, actor: Actor, ins: Inspection, now = new Date()) {
	if (!ins.unitId || ins.total == null) return null;
	const before = tx.select().from(metrologyUnit).where(eq(metrologyUnit.id, ins.unitId)).get();
	if (!before) return null;
	const passed = ins.result != null && ins.result !== 'none';
	let set: Partial<typeof metrologyUnit.$inferInsert> = { lastInspectionId: ins.id };
	if (passed && before.status !== 'named')
		set = {
			...set,
			status: 'named',
			namedOn: ins.inspectedOn,
			reviewedOn: ins.inspectedOn,
			revokedOn: null,
			revokeReason: ''
		};
	else if (passed) set = { ...set, reviewedOn: ins.inspectedOn };
	else if (before.status === 'named')
		set = {
			...set,
			status: 'revoked',
			revokedOn: ins.inspectedOn,
			revokeReason: `年度复核未通过（${ins.total} 分${ins.vetoHits ? `，一票否决 ${ins.vetoHits} 项` : ''}）`
		};
	const after = tx
		.update(metrologyUnit)
		.set({ ...set, updatedAt: now })
		.where(eq(metrologyUnit.id, before.id))
		.returning()
		.get();
	if (after.status !== before.status)
		audit.record(
			tx,
			actor,
			{
				action: `metrology_unit.${after.status}`,
				entityType: 'metrology_unit',
				entityId: after.id,
				townId: after.townId,
				before: { status: before.status },
				after: { status: after.status, inspectionId: ins.id }
			},
			now
		);
	return { result: ins.result, badge: null, unitStatus: after.status };
}
