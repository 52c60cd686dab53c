/**
 * What the campaign's lists share: the town scope, the town filter and the search over enterprise
 * name and code, and paging in SQL with the total counted once per content version.
 */
import { and, eq, gte, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { db } from '../db';
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

/** A search that names at most this many enterprises is answered from their ids. */
export const FEW = 2000;

const cleaned = (q?: string) => q?.trim().replace(/[%_]/g, '') || undefined;

/** Credit codes are letters and digits: a search that is one may be the start of a code. */
const codeOf = (s: string) => (/^[0-9A-Za-z]+$/.test(s) ? s.toUpperCase() : undefined);

const phrase = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Names holding `s`, looked up in the trigram index (`enterprise_name_search`, kept by triggers). */
const inNameIndex = (s: string, limit?: number) =>
	sql`${enterprise.id} in (select rowid from enterprise_name_search where enterprise_name_search match ${phrase(s)}${limit ? sql` limit ${limit}` : sql``})`;

const codeStarts = (code: string) =>
	and(gte(enterprise.uscc, code), lt(enterprise.uscc, `${code}~`));

/**
 * How a search is answered. One that names at most `FEW` enterprises (by a part of the name or
 * the start of the credit code) is answered from their ids. A broad one such as 「上海」 is
 * answered by walking the list in its own order, where matches come early; its total is counted
 * from the trigram index when the search has three characters or more (a shorter one has no
 * trigram to look up and reads the names). Broad searches are few — only so many strings occur
 * in thousands of names — and each total is counted once per content version.
 */
export type SearchPlan =
	| { kind: 'none' }
	| { kind: 'few'; ids: number[] }
	| { kind: 'broad'; s: string; code?: string; indexed: boolean };

export function searchPlan(q?: string): SearchPlan {
	const s = cleaned(q);
	if (!s) return { kind: 'none' };
	return cached(`campaign:search:${s}`, (): SearchPlan => {
		const indexed = [...s].length >= 3;
		const code = codeOf(s);
		const ids = new Set<number>();
		const some = (cond: SQL | undefined) =>
			db
				.select({ id: enterprise.id })
				.from(enterprise)
				.where(cond)
				.limit(FEW + 1)
				.all();
		for (const r of some(indexed ? inNameIndex(s, FEW + 1) : like(enterprise.name, `%${s}%`)))
			ids.add(r.id);
		if (code) for (const r of some(codeStarts(code))) ids.add(r.id);
		return ids.size > FEW ? { kind: 'broad', s, code, indexed } : { kind: 'few', ids: [...ids] };
	});
}

/**
 * Conditions on the enterprise: in scope, in the chosen town, matching the search. `count` asks
 * for the form that counts a broad search from the index rather than by reading the names.
 */
export function enterpriseConds(
	f: Scoped,
	purpose: 'list' | 'count' = 'list'
): (SQL | undefined)[] {
	const plan = searchPlan(f.q);
	return [
		townIn(enterprise.townId, f.townIds),
		f.townId ? eq(enterprise.townId, f.townId) : undefined,
		plan.kind === 'few'
			? inArray(enterprise.id, plan.ids)
			: plan.kind === 'broad'
				? or(
						purpose === 'count' && plan.indexed
							? inNameIndex(plan.s)
							: like(enterprise.name, `%${plan.s}%`),
						plan.code ? codeStarts(plan.code) : undefined
					)
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
