/**
 * 市场主体: one enterprise per 统一社会信用代码, belonging to one town. Progress counts an enterprise
 * for the town it belongs to now, so moving it moves its commitments with it.
 */
import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import { db, type Tx } from '../db';
import { enterprise, type Enterprise } from '../db/schema';
import * as audit from '../audit';
import * as towns from '../towns';
import { DomainError } from '../forms';
import type { Actor } from '../actor';
import { enterpriseConds, page, type Scoped } from './lists';

export type EnterpriseInput = {
	uscc: string;
	name: string;
	townId: number;
	address?: string | null;
	industry?: string | null;
};

export function byId(id: number): Enterprise | undefined {
	return db.select().from(enterprise).where(eq(enterprise.id, id)).get();
}

export function byUscc(uscc: string, tx: Tx | typeof db = db): Enterprise | undefined {
	return tx.select().from(enterprise).where(eq(enterprise.uscc, uscc)).get();
}

export type EnterpriseFilter = Scoped;

function where(f: EnterpriseFilter): SQL | undefined {
	const conds = enterpriseConds(f).filter((c): c is SQL => c !== undefined);
	return conds.length ? and(...conds) : undefined;
}

function query(f: EnterpriseFilter) {
	return db
		.select()
		.from(enterprise)
		.where(where(f))
		.orderBy(asc(enterprise.townId), asc(enterprise.name));
}

export function list(f: EnterpriseFilter) {
	return page(
		'enterprises',
		f,
		query(f),
		() => db.select({ n: count() }).from(enterprise).where(where(f)).get()?.n ?? 0
	);
}

/** Every matching enterprise, for exports. */
export function all(f: EnterpriseFilter): Enterprise[] {
	return query(f).all();
}

/** Registers an enterprise; its code must not be registered already. */
export function create(actor: Actor, input: EnterpriseInput, now = new Date()): Enterprise {
	return db.transaction((tx) => {
		const existing = byUscc(input.uscc, tx);
		if (existing)
			throw new DomainError(
				'uscc',
				`该统一社会信用代码已登记为「${existing.name}」（${towns.byId(existing.townId)?.name ?? ''}）`
			);
		const created = tx
			.insert(enterprise)
			.values({ ...input, createdAt: now, updatedAt: now })
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'enterprise.create',
			entityType: 'enterprise',
			entityId: created.id,
			townId: created.townId,
			after: created
		});
		return created;
	});
}

export function update(
	actor: Actor,
	id: number,
	input: Omit<EnterpriseInput, 'uscc'>,
	now = new Date()
): Enterprise {
	return db.transaction((tx) => {
		const before = tx.select().from(enterprise).where(eq(enterprise.id, id)).get();
		if (!before) throw new Error('enterprise not found');
		const after = tx
			.update(enterprise)
			.set({ ...input, updatedAt: now })
			.where(eq(enterprise.id, id))
			.returning()
			.get();
		audit.record(tx, actor, {
			action: before.townId !== after.townId ? 'enterprise.move' : 'enterprise.update',
			entityType: 'enterprise',
			entityId: id,
			townId: after.townId,
			before,
			after
		});
		return after;
	});
}
