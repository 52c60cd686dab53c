/**
 * What the campaign's lists share: the town scope, the town filter and the search over enterprise
 * name and code, and paging in SQL with the total counted once per content version.
 */
import { eq, like, or, type SQL } from 'drizzle-orm';
import { enterprise } from '../db/schema';
import { townIn } from '../access';
import { cached } from '../cache';

export type Scoped = {
	/** `townScope(user)`: the towns the reader may see, or null for all. */
	townIds: number[] | null;
	townId?: number;
	q?: string;
	page?: number;
	pageSize?: number;
};

/** Conditions on the enterprise: in scope, in the chosen town, matching the search. */
export function enterpriseConds(f: Scoped): (SQL | undefined)[] {
	const s = f.q?.trim().replace(/[%_]/g, '');
	return [
		townIn(enterprise.townId, f.townIds),
		f.townId ? eq(enterprise.townId, f.townId) : undefined,
		s
			? or(like(enterprise.name, `%${s}%`), like(enterprise.uscc, `${s.toUpperCase()}%`))
			: undefined
	];
}

type Pageable<T> = { limit(n: number): { offset(n: number): { all(): T[] } } };

/** One page of `rows`, and the total of `count` — kept until the next write, so paging counts once. */
export function page<T>(
	key: string,
	f: Scoped,
	rows: Pageable<T>,
	count: () => number
): { items: T[]; page: number; pageSize: number; total: number } {
	const pageSize = f.pageSize ?? 50;
	const p = Math.max(1, f.page ?? 1);
	const items = rows
		.limit(pageSize)
		.offset((p - 1) * pageSize)
		.all();
	const filter = { ...f, page: undefined, pageSize: undefined };
	const total = cached(`campaign:total:${key}:${JSON.stringify(filter)}`, count);
	return { items, page: p, pageSize, total };
}
