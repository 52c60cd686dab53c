/**
 * 区级部门: the district departments that answer for the plan beside the towns — seeded from the
 * plan's responsible units, added and renamed by district admins.
 */
import { asc, eq, max } from 'drizzle-orm';
import { db } from '../db';
import { department, type Department } from '../db/schema';
import * as audit from '../audit';
import { cached } from '../cache';
import { DomainError } from '../forms';
import type { Actor } from '../actor';
import { SEED_DEPARTMENTS } from '../../plan';

export function list(opts: { includeInactive?: boolean } = {}): Department[] {
	const all = cached('departments', () =>
		db.select().from(department).orderBy(asc(department.sortOrder), asc(department.id)).all()
	);
	return opts.includeInactive ? all : all.filter((d) => d.active);
}

/** Active departments as picker options. */
export function choices() {
	return list().map((d) => ({ id: d.id, name: d.name }));
}

export function byId(id: number): Department | undefined {
	return list({ includeInactive: true }).find((d) => d.id === id);
}

export function byName(name: string): Department | undefined {
	const n = name.trim();
	return list({ includeInactive: true }).find((d) => d.name === n);
}

/** Inserts the plan's departments that are missing; never renames or overwrites. */
export function seed() {
	db.transaction((tx) => {
		SEED_DEPARTMENTS.forEach((name, i) =>
			tx
				.insert(department)
				.values({ name, sortOrder: i + 1 })
				.onConflictDoNothing()
				.run()
		);
	});
}

export function create(actor: Actor, input: { name: string }): Department {
	if (byName(input.name)) throw new DomainError('name', '已有同名的区级部门');
	return db.transaction((tx) => {
		const top =
			tx
				.select({ m: max(department.sortOrder) })
				.from(department)
				.get()?.m ?? 0;
		const row = tx
			.insert(department)
			.values({ name: input.name.trim(), sortOrder: top + 1 })
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'department.create',
			entityType: 'department',
			entityId: row.id,
			after: row
		});
		return row;
	});
}

export function update(actor: Actor, id: number, input: { name: string; active: boolean }) {
	const clash = byName(input.name);
	if (clash && clash.id !== id) throw new DomainError('name', '已有同名的区级部门');
	return db.transaction((tx) => {
		const before = tx.select().from(department).where(eq(department.id, id)).get();
		if (!before) throw new DomainError('_', '该部门不存在');
		const after = tx
			.update(department)
			.set({ name: input.name.trim(), active: input.active })
			.where(eq(department.id, id))
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'department.update',
			entityType: 'department',
			entityId: id,
			before,
			after
		});
		return after;
	});
}
