/** 街镇园区: listing, lookup, and the district admin's additions and renames. */
import { asc, eq } from 'drizzle-orm';
import { db } from './db';
import { town, type Town, type TownKind } from './db/schema';
import * as audit from './audit';
import { cached } from './cache';
import { DomainError } from './forms';
import type { Actor } from './actor';
import { TOWNS } from '../../../seeds/towns';

export { KIND_LABEL } from '../town-kinds';

/** Towns change rarely and are read on most pages: kept until the next write to content. */
export function list(opts: { includeInactive?: boolean } = {}): Town[] {
	const all = cached('towns', () =>
		db.select().from(town).orderBy(asc(town.sortOrder), asc(town.id)).all()
	);
	return opts.includeInactive ? all : all.filter((t) => t.active);
}

export function byId(id: number): Town | undefined {
	return list({ includeInactive: true }).find((t) => t.id === id);
}

export function bySlug(slug: string): Town | undefined {
	return list({ includeInactive: true }).find((t) => t.slug === slug);
}

export function byName(name: string): Town | undefined {
	const n = name.trim();
	return list({ includeInactive: true }).find((t) => t.name === n);
}

/** Inserts the towns of the seed list that are missing; never renames or overwrites. */
export function seed() {
	db.transaction((tx) => {
		TOWNS.forEach((t, i) => {
			tx.insert(town)
				.values({ ...t, sortOrder: i + 1 })
				.onConflictDoNothing()
				.run();
		});
	});
}

export function create(
	actor: Actor,
	input: { slug: string; name: string; code: string | null; kind: TownKind }
): Town {
	if (bySlug(input.slug)) throw new DomainError('slug', '这个网址标识已被使用');
	if (byName(input.name)) throw new DomainError('name', '已有同名的街镇园区');
	const row = db.transaction((tx) => {
		const max = tx.select({ s: town.sortOrder }).from(town).all();
		const created = tx
			.insert(town)
			.values({ ...input, sortOrder: Math.max(0, ...max.map((m) => m.s)) + 1 })
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'town.create',
			entityType: 'town',
			entityId: created.id,
			townId: created.id,
			after: created
		});
		return created;
	});
	return row;
}

export function update(
	actor: Actor,
	id: number,
	input: { name: string; code: string | null; active: boolean }
): Town {
	const clash = byName(input.name);
	if (clash && clash.id !== id) throw new DomainError('name', '已有同名的街镇园区');
	const row = db.transaction((tx) => {
		const before = tx.select().from(town).where(eq(town.id, id)).get();
		if (!before) throw new DomainError('_', '街镇不存在');
		const after = tx.update(town).set(input).where(eq(town.id, id)).returning().get();
		audit.record(tx, actor, {
			action: 'town.update',
			entityType: 'town',
			entityId: id,
			townId: id,
			before,
			after
		});
		return after;
	});
	return row;
}
