/**
 * Weights and measures (诚信计量): each merchant's measuring instruments and their verification.
 * A new verification is an archive entry; an instrument past its next due date is overdue.
 */
import { asc, eq } from 'drizzle-orm';
import { db } from '../db';
import { archiveEntry, instrument, merchant, type Instrument } from '../db/schema';
import * as audit from '../audit';
import type { Actor } from '../actor';
import { DomainError } from '../forms';
import type { InstrumentInput } from '../../schemas/streets';
import { INSTRUMENT_TYPE_LABEL, type InstrumentStatus } from '../../streets';
import { todayISO } from '../../format';

export type { InstrumentStatus };

export function status(
	i: Pick<Instrument, 'nextDueOn' | 'retired'>,
	today = todayISO(),
	soonDays = 30
): InstrumentStatus {
	if (i.retired) return 'retired';
	if (!i.nextDueOn) return 'unknown';
	if (i.nextDueOn < today) return 'overdue';
	const soon = new Date(Date.parse(today) + soonDays * 86_400_000).toISOString().slice(0, 10);
	return i.nextDueOn <= soon ? 'due_soon' : 'ok';
}

export function forMerchant(merchantId: number, today = todayISO()) {
	return db
		.select()
		.from(instrument)
		.where(eq(instrument.merchantId, merchantId))
		.orderBy(asc(instrument.retired), asc(instrument.nextDueOn))
		.all()
		.map((i) => ({ ...i, status: status(i, today) }));
}

/** Summary for the metrology item and the public pages: how many in use, how many overdue. */
export function summary(merchantId: number, today = todayISO()) {
	const list = forMerchant(merchantId, today).filter((i) => !i.retired);
	return {
		inUse: list.length,
		overdue: list.filter((i) => i.status === 'overdue').length,
		dueSoon: list.filter((i) => i.status === 'due_soon').length,
		unknown: list.filter((i) => i.status === 'unknown').length
	};
}

export function byId(id: number): Instrument | undefined {
	return db.select().from(instrument).where(eq(instrument.id, id)).get();
}

function townOf(merchantId: number): number {
	const m = db
		.select({ townId: merchant.townId })
		.from(merchant)
		.where(eq(merchant.id, merchantId))
		.get();
	if (!m) throw new DomainError('_', '商户不存在');
	return m.townId;
}

function checkEntry(actor: Actor, merchantId: number, townId: number, i: Instrument, now: Date) {
	return {
		merchantId,
		townId,
		kind: 'instrument_check' as const,
		// Dated on the verification day (Shanghai midnight), never in the future.
		occurredAt:
			i.lastVerifiedOn && Date.parse(`${i.lastVerifiedOn}T00:00:00+08:00`) < now.getTime()
				? new Date(`${i.lastVerifiedOn}T00:00:00+08:00`)
				: now,
		points: 0,
		title: `${INSTRUMENT_TYPE_LABEL[i.type]} ${i.serial} 检定合格`,
		publicNote: `检定日期 ${i.lastVerifiedOn ?? '—'}，下次检定 ${i.nextDueOn ?? '—'}${i.certificateNo ? `，证书 ${i.certificateNo}` : ''}`,
		instrumentId: i.id,
		createdBy: actor.id,
		createdAt: now
	};
}

export function create(actor: Actor, merchantId: number, input: InstrumentInput, now = new Date()) {
	const townId = townOf(merchantId);
	return db.transaction((tx) => {
		const created = tx
			.insert(instrument)
			.values({ ...input, merchantId, createdAt: now, updatedAt: now })
			.returning()
			.get();
		if (created.lastVerifiedOn)
			tx.insert(archiveEntry)
				.values(checkEntry(actor, merchantId, townId, created, now))
				.run();
		audit.record(tx, actor, {
			action: 'instrument.create',
			entityType: 'instrument',
			entityId: created.id,
			townId,
			after: created
		});
		return created;
	});
}

/** Updates an instrument; a new verification date is recorded in the archive. */
export function update(
	actor: Actor,
	id: number,
	input: InstrumentInput & { retired?: boolean },
	now = new Date()
) {
	return db.transaction((tx) => {
		const before = tx.select().from(instrument).where(eq(instrument.id, id)).get();
		if (!before) throw new DomainError('_', '计量器具不存在');
		const townId = townOf(before.merchantId);
		const after = tx
			.update(instrument)
			.set({ ...input, updatedAt: now })
			.where(eq(instrument.id, id))
			.returning()
			.get();
		if (after.lastVerifiedOn && after.lastVerifiedOn !== before.lastVerifiedOn)
			tx.insert(archiveEntry)
				.values(checkEntry(actor, before.merchantId, townId, after, now))
				.run();
		audit.record(tx, actor, {
			action: 'instrument.update',
			entityType: 'instrument',
			entityId: id,
			townId,
			before,
			after
		});
		return after;
	});
}
