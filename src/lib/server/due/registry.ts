/**
 * Work due: what a user must do now, in their scope. Each area registers its items with one line,
 * `register((u) => …)`, returning `{ label, count, href }` (or several, or null when the item does
 * not concern the user); the staff home and the navigation badge list those with a count.
 */
import type { SessionUser } from '../auth/session';
import { cached } from '../cache';
import { todayISO } from '../../format';

export type DueItem = {
	label: string;
	count: number;
	href: string;
	/** `danger` for past a deadline, `warn` for soon; plain otherwise. */
	tone?: 'danger' | 'warn';
};

export type DueSource = (u: SessionUser) => DueItem | DueItem[] | null | undefined;

const sources: { id: string; fn: DueSource }[] = [];
let generation = 0;

/** Adds an item; registering the same id again replaces it (module reloads in development). */
export function register(id: string, fn: DueSource) {
	const at = sources.findIndex((s) => s.id === id);
	if (at >= 0) sources[at] = { id, fn };
	else sources.push({ id, fn });
	generation++;
}

/**
 * The items with something to do, in registration order. Every staff page shows the count, so it
 * is computed once per user, content version, day and minute: a write anywhere shows at once, and
 * what moves without a write (a void plaque scanned, a deadline passing) within a minute.
 */
export function forUser(u: SessionUser, now = new Date()): (DueItem & { id: string })[] {
	const minute = Math.floor(now.getTime() / 60_000);
	return cached(`due:${generation}:${u.id}:${todayISO(now)}:${minute}`, () =>
		sources.flatMap(({ id, fn }) =>
			[fn(u) ?? []]
				.flat()
				.flatMap((item, i) => (item.count > 0 ? [{ ...item, id: `${id}.${i}` }] : []))
		)
	);
}

/** The number on the navigation badge. */
export function total(items: DueItem[]): number {
	return items.reduce((n, i) => n + i.count, 0);
}
