/**
 * What a submitted review of a credit town does to its application: reaching the version's pass
 * mark with no veto names a town under creation (已命名, for three years, reviewed yearly) or counts
 * as a named town's yearly review; falling short fails the application (未通过, with the reviewer's
 * reason) or revokes the name. Runs in the inspection's transaction.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db';
import { creditTown, standard, type CreditTown, type Inspection } from '../db/schema';
import * as audit from '../audit';
import type { Actor } from '../actor';
import { DEFAULT_PASS_MARK, REVIEW_MONTHS, VALID_YEARS } from '../../credit-towns';
import { addMonths, lastValidDay } from './dates';

export function passMarkOf(tx: Tx, standardId: number): number {
	return (
		tx.select({ p: standard.passMark }).from(standard).where(eq(standard.id, standardId)).get()
			?.p ?? DEFAULT_PASS_MARK
	);
}

export function passes(total: number, vetoHits: number, passMark: number) {
	return vetoHits === 0 && total >= passMark;
}

function failure(ins: Pick<Inspection, 'total' | 'vetoHits' | 'summary'>, mark: number) {
	const why = `${ins.total} 分，合格线 ${mark} 分${ins.vetoHits ? `，一票否决 ${ins.vetoHits} 项` : ''}`;
	return ins.summary.trim() ? `${ins.summary.trim()}（${why}）` : `评审未达标（${why}）`;
}

export function applyInspection(tx: Tx, actor: Actor, ins: Inspection, now = new Date()) {
	if (!ins.creditTownId || ins.total == null) return null;
	const before = tx.select().from(creditTown).where(eq(creditTown.id, ins.creditTownId)).get();
	if (!before) return null;
	const mark = passMarkOf(tx, ins.standardId);
	const passed = passes(ins.total, ins.vetoHits, mark);
	const day = ins.inspectedOn;
	let set: Partial<CreditTown> = { inspectionId: ins.id, total: ins.total };
	if (before.status === 'named')
		set = passed
			? { ...set, reviewedOn: day, reviewDueOn: addMonths(day, REVIEW_MONTHS) }
			: {
					...set,
					status: 'revoked',
					endedOn: day,
					reason: `年度复核未通过：${failure(ins, mark)}`
				};
	else
		set = passed
			? {
					...set,
					status: 'named',
					decidedOn: day,
					namedOn: day,
					reviewedOn: day,
					validUntil: lastValidDay(day, VALID_YEARS),
					reviewDueOn: addMonths(day, REVIEW_MONTHS),
					reason: ''
				}
			: { ...set, status: 'failed', decidedOn: day, reason: failure(ins, mark) };
	const after = tx
		.update(creditTown)
		.set({ ...set, updatedAt: now })
		.where(eq(creditTown.id, before.id))
		.returning()
		.get();
	audit.record(
		tx,
		actor,
		{
			action:
				after.status === before.status ? 'credit_town.reviewed' : `credit_town.${after.status}`,
			entityType: 'credit_town',
			entityId: after.id,
			townId: after.townId,
			before: { status: before.status },
			after: {
				status: after.status,
				inspectionId: ins.id,
				total: ins.total,
				reason: after.reason
			}
		},
		now
	);
	return { result: ins.result, badge: null, creditTownStatus: after.status };
}
