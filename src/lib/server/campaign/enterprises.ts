/**
 * 市场主体: one enterprise per 统一社会信用代码, belonging to one town. Progress counts an enterprise
 * for the town it belongs to now, so moving it moves its commitments with it.
 */
import { and, asc, count, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import { db, type Tx } from '../db';
import { enterprise, type Enterprise } from '../db/schema';
import * as audit from '../audit';
import * as campaign from './campaign';
import type { Actor } from '../actor';

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

export type EnterpriseFilter = {
	townIds: number[] | null;
	townId?: number;
	q?: string;
	page?: number;
	pageSize?: number;
};

function where(f: EnterpriseFilter): SQL | undefined {
	const conds: SQL[] = [];
	if (f.townIds) conds.push(inArray(enterprise.townId, f.townIds.length ? f.townIds : [-1]));
	if (f.townId) conds.push(eq(enterprise.townId, f.townId));
	const q = f.q?.trim().replace(/[%_]/g, '');
	if (q)
		conds.push(or(like(enterprise.name, `%${q}%`), like(enterprise.uscc, `${q.toUpperCase()}%`))!);
	return conds.length ? and(...conds) : undefined;
}

export function list(f: EnterpriseFilter) {
	const pageSize = f.pageSize ?? 50;
	const page = Math.max(1, f.page ?? 1);
	const w = where(f);
	const items = db
		.select()
		.from(enterprise)
		.where(w)
		.orderBy(asc(enterprise.townId), asc(enterprise.name))
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all();
	const total = db.select({ n: count() }).from(enterprise).where(w).get()?.n ?? 0;
	return { items, page, pageSize, total };
}

/** Every matching enterprise, for exports. */
export function all(f: EnterpriseFilter): Enterprise[] {
	return db
		.select()
		.from(enterprise)
		.where(where(f))
		.orderBy(asc(enterprise.townId), asc(enterprise.name))
		.all();
}

export class DuplicateUscc extends Error {
	constructor(public existing: Enterprise) {
		super('duplicate uscc');
	}
}

export function create(actor: Actor, input: EnterpriseInput, now = new Date()): Enterprise {
	const row = db.transaction((tx) => {
		const existing = byUscc(input.uscc, tx);
		if (existing) throw new DuplicateUscc(existing);
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
	campaign.invalidate();
	return row;
}

export function update(
	actor: Actor,
	id: number,
	input: Omit<EnterpriseInput, 'uscc'>,
	now = new Date()
): Enterprise {
	const row = db.transaction((tx) => {
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
	campaign.invalidate();
	return row;
}
