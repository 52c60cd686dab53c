/**
 * The audit log: every domain write records who, when, what, and the record before and after, in
 * the transaction of the write itself, so a rolled-back write leaves no entry.
 */
import { and, count, desc, eq, gte, like, lt, or, type SQL } from 'drizzle-orm';
import { db, type Tx } from './db';
import { auditLog, user } from './db/schema';
import type { Actor } from './actor';

export type AuditInput = {
	action: string;
	entityType: string;
	entityId?: string | number | null;
	townId?: number | null;
	before?: unknown;
	after?: unknown;
};

const SECRET_KEYS = new Set(['passwordHash', 'password', 'token', 'secret']);

function scrub(value: unknown): unknown {
	if (value == null || typeof value !== 'object') return value ?? null;
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) return value.map(scrub);
	return Object.fromEntries(
		Object.entries(value as Record<string, unknown>)
			.filter(([k]) => !SECRET_KEYS.has(k))
			.map(([k, v]) => [k, scrub(v)])
	);
}

export function record(tx: Tx, actor: Actor, input: AuditInput, now = new Date()) {
	tx.insert(auditLog)
		.values({
			at: now,
			userId: actor.id,
			actorName: actor.displayName,
			action: input.action,
			entityType: input.entityType,
			entityId: input.entityId == null ? null : String(input.entityId),
			townId: input.townId ?? null,
			before: scrub(input.before),
			after: scrub(input.after)
		})
		.run();
}

export type AuditFilter = {
	q?: string;
	entityType?: string;
	userId?: number;
	from?: Date;
	to?: Date;
	/** Only entries older than this one (the export's cursor: stable while the log grows). */
	beforeId?: number;
	page?: number;
	pageSize?: number;
};

/** The first instant of a Shanghai day (YYYY-MM-DD), `addDays` later: the list's date bounds. */
function shanghaiDay(day: string | undefined, addDays = 0): Date | undefined {
	if (!day) return undefined;
	return new Date(new Date(`${day}T00:00:00+08:00`).getTime() + addDays * 86_400_000);
}

/** The list's parameters as read by `query.list` (shared by the page and its export). */
export function filterOf(p: {
	q?: string;
	page?: number;
	filters: { type?: string; user?: number; from?: string; to?: string };
}): AuditFilter {
	const f = p.filters;
	return {
		q: p.q,
		entityType: f.type,
		userId: f.user,
		from: shanghaiDay(f.from),
		to: shanghaiDay(f.to, 1),
		page: p.page
	};
}

export function list(filter: AuditFilter) {
	const conditions: SQL[] = [];
	if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
	if (filter.userId) conditions.push(eq(auditLog.userId, filter.userId));
	if (filter.from) conditions.push(gte(auditLog.at, filter.from));
	if (filter.to) conditions.push(lt(auditLog.at, filter.to));
	if (filter.beforeId) conditions.push(lt(auditLog.id, filter.beforeId));
	if (filter.q) {
		const pattern = `%${filter.q.replace(/[%_]/g, '')}%`;
		conditions.push(
			or(
				like(auditLog.action, pattern),
				like(auditLog.actorName, pattern),
				like(auditLog.entityId, pattern)
			)!
		);
	}
	const where = conditions.length ? and(...conditions) : undefined;
	const pageSize = filter.pageSize ?? 50;
	const page = Math.max(1, filter.page ?? 1);
	const items = db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			actorName: auditLog.actorName,
			username: user.username,
			action: auditLog.action,
			entityType: auditLog.entityType,
			entityId: auditLog.entityId,
			townId: auditLog.townId,
			before: auditLog.before,
			after: auditLog.after
		})
		.from(auditLog)
		.leftJoin(user, eq(user.id, auditLog.userId))
		.where(where)
		.orderBy(desc(auditLog.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all();
	const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
	return { items, page, pageSize, total };
}

/**
 * Every entry the filter keeps, newest first, a thousand at a time below the last one sent: for
 * the export, which entries written meanwhile neither shift nor repeat.
 */
export function* all(filter: Omit<AuditFilter, 'page' | 'pageSize' | 'beforeId'>) {
	const pageSize = 1000;
	let beforeId: number | undefined;
	for (;;) {
		const { items } = list({ ...filter, beforeId, pageSize });
		yield* items;
		if (items.length < pageSize) return;
		beforeId = items[items.length - 1].id;
	}
}

export function entityTypes(): string[] {
	return db
		.selectDistinct({ t: auditLog.entityType })
		.from(auditLog)
		.orderBy(auditLog.entityType)
		.all()
		.map((r) => r.t);
}
