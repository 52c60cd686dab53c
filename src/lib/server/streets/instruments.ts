/**
 * Weights and measures (诚信计量): the one register of measuring instruments — a merchant's or a
 * metrology demonstration unit's — and their verification. A merchant's new verification is an
 * archive entry; an instrument past its next due date is overdue, whoever owns it.
 */
import { and, asc, count, eq, lt } from 'drizzle-orm';
import { db } from '../db';
import { archiveEntry, instrument, merchant, metrologyUnit, type Instrument } from '../db/schema';
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

/** Who owns an instrument: a merchant (by id) or a unit. */
export type Owner = number | { unitId: number };

function ownerWhere(owner: Owner) {
	return typeof owner === 'number'
		? eq(instrument.merchantId, owner)
		: eq(instrument.unitId, owner.unitId);
}

export function forMerchant(merchantId: number, today = todayISO()) {
	return forOwner(merchantId, today);
}

export function forUnit(unitId: number, today = todayISO()) {
	return forOwner({ unitId }, today);
}

function forOwner(owner: Owner, today: string) {
	return db
		.select()
		.from(instrument)
		.where(ownerWhere(owner))
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

/** Instruments in use past their next verification date, in the whole register. */
export function overdueCount(today = todayISO()): number {
	return (
		db
			.select({ n: count() })
			.from(instrument)
			.where(and(eq(instrument.retired, false), lt(instrument.nextDueOn, today)))
			.get()?.n ?? 0
	);
}

function townOf(owner: Owner): number {
	if (typeof owner !== 'number') {
		const u = db
			.select({ townId: metrologyUnit.townId })
			.from(metrologyUnit)
			.where(eq(metrologyUnit.id, owner.unitId))
			.get();
		if (!u) throw new DomainError('_', '示范单位不存在');
		return u.townId;
	}
	const m = db
		.select({ townId: merchant.townId })
		.from(merchant)
		.where(eq(merchant.id, owner))
		.get();
	if (!m) throw new DomainError('_', '商户不存在');
	return m.townId;
}

function ownerOf(i: Instrument): Owner {
	return i.merchantId ?? { unitId: i.unitId! };
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

/** Registers an instrument of a merchant (`owner` its id) or of a unit (`{ unitId }`). */
export function create(actor: Actor, owner: Owner, input: InstrumentInput, now = new Date()) {
	const townId = townOf(owner);
	const merchantId = typeof owner === 'number' ? owner : null;
	const unitId = typeof owner === 'number' ? null : owner.unitId;
	return db.transaction((tx) => {
		const created = tx
			.insert(instrument)
			.values({ ...input, merchantId, unitId, createdAt: now, updatedAt: now })
			.returning()
			.get();
		if (merchantId && created.lastVerifiedOn)
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
		const townId = townOf(ownerOf(before));
		const after = tx
			.update(instrument)
			.set({ ...input, updatedAt: now })
			.where(eq(instrument.id, id))
			.returning()
			.get();
		if (before.merchantId && after.lastVerifiedOn && after.lastVerifiedOn !== before.lastVerifiedOn)
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
