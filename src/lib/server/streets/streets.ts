/**
 * Honesty demonstration streets (诚信示范街): the street, its drawn geometry, convention and
 * committee, and the counts of its merchants by level.
 */
import { and, asc, count as sqlCount, eq, lt, sql, type SQL } from 'drizzle-orm';
import { db } from '../db';
import { loadInScope, townIn } from '../access';
import type { SessionUser } from '../auth/session';
import { instrument, merchant, street, town, type Street } from '../db/schema';
import * as audit from '../audit';
import * as rehome from './rehome';
import type { Actor } from '../actor';
import { DomainError } from '../forms';
import type { StreetInput } from '../../schemas/streets';
import { todayISO } from '../../format';

function scoped(scope: number[] | null): SQL | undefined {
	return townIn(street.townId, scope);
}

export function byId(id: number): Street | undefined {
	return db.select().from(street).where(eq(street.id, id)).get();
}

/** A street for a page or action: 404 when missing, 403 outside the user's towns. */
export function forUser(u: SessionUser, id: number): Street {
	return loadInScope(u, byId(id), (s) => s.townId, '示范街不存在');
}

export type ListFilter = { townId?: number; limit?: number; offset?: number };

function listWhere(scope: number[] | null, f: ListFilter) {
	return and(scoped(scope), f.townId ? eq(street.townId, f.townId) : undefined);
}

/** Streets the scope may see, with town name and merchant counts by level. */
export function list(scope: number[] | null, filter: ListFilter = {}) {
	const today = todayISO();
	return db
		.select({
			id: street.id,
			name: street.name,
			status: street.status,
			townId: street.townId,
			townName: town.name,
			committeeContact: street.committeeContact,
			merchants: sql<number>`(select count(*) from ${merchant} where ${merchant.streetId} = ${street.id})`,
			model: sql<number>`(select count(*) from ${merchant} where ${merchant.streetId} = ${street.id} and ${merchant.level} = 'model')`,
			honest: sql<number>`(select count(*) from ${merchant} where ${merchant.streetId} = ${street.id} and ${merchant.level} = 'honest')`,
			overdueInstruments: sql<number>`(select count(*) from ${instrument} join ${merchant} on ${merchant.id} = ${instrument.merchantId} where ${merchant.streetId} = ${street.id} and ${instrument.retired} = 0 and ${instrument.nextDueOn} < ${today})`
		})
		.from(street)
		.innerJoin(town, eq(town.id, street.townId))
		.where(listWhere(scope, filter))
		.orderBy(asc(town.sortOrder), asc(street.name))
		.limit(filter.limit ?? -1)
		.offset(filter.offset ?? 0)
		.all();
}

export function count(scope: number[] | null, filter: ListFilter = {}): number {
	return db.select({ n: sqlCount() }).from(street).where(listWhere(scope, filter)).get()?.n ?? 0;
}

/** Streets as options for a merchant form, limited to the scope. */
export function options(scope: number[] | null) {
	return db
		.select({ id: street.id, name: street.name, townId: street.townId, townName: town.name })
		.from(street)
		.innerJoin(town, eq(town.id, street.townId))
		.where(scoped(scope))
		.orderBy(asc(town.sortOrder), asc(street.name))
		.all();
}

function assertUniqueName(input: StreetInput, exceptId?: number) {
	const clash = db
		.select({ id: street.id })
		.from(street)
		.where(and(eq(street.townId, input.townId), eq(street.name, input.name)))
		.get();
	if (clash && clash.id !== exceptId) throw new DomainError('name', '本街镇已有同名街区');
}

export function create(actor: Actor, input: StreetInput, now = new Date()): Street {
	assertUniqueName(input);
	return db.transaction((tx) => {
		const created = tx
			.insert(street)
			.values({ ...input, createdAt: now, updatedAt: now })
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'street.create',
			entityType: 'street',
			entityId: created.id,
			townId: created.townId,
			after: created
		});
		return created;
	});
}

/** Moving a street to another town moves its merchants and their work with it (see rehome). */
export function update(actor: Actor, id: number, input: StreetInput, now = new Date()): Street {
	assertUniqueName(input, id);
	return db.transaction((tx) => {
		const before = tx.select().from(street).where(eq(street.id, id)).get();
		if (!before) throw new DomainError('_', '街区不存在');
		const after = tx
			.update(street)
			.set({ ...input, updatedAt: now })
			.where(eq(street.id, id))
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'street.update',
			entityType: 'street',
			entityId: id,
			townId: after.townId,
			before,
			after
		});
		if (after.townId !== before.townId)
			rehome.streetMoved(tx, actor, id, before.townId, after.townId, now);
		return after;
	});
}

/** Instruments past their next verification date on a street. */
export function overdueInstruments(streetId: number, today = todayISO()) {
	return db
		.select({
			id: instrument.id,
			type: instrument.type,
			serial: instrument.serial,
			nextDueOn: instrument.nextDueOn,
			merchantId: merchant.id,
			merchantName: merchant.name
		})
		.from(instrument)
		.innerJoin(merchant, eq(merchant.id, instrument.merchantId))
		.where(
			and(
				eq(merchant.streetId, streetId),
				eq(instrument.retired, false),
				lt(instrument.nextDueOn, today)
			)
		)
		.orderBy(asc(instrument.nextDueOn))
		.all();
}

export function countAll(): number {
	return db.select({ n: sqlCount() }).from(street).get()?.n ?? 0;
}
