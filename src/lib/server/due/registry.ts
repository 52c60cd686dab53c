/**
 * Work due: what a user must do now, in their scope. Each area registers its items with one line,
 * `register((u) => …)`, returning `{ label, count, href }` (or several, or null when the item does
 * not concern the user); the staff home and the navigation badge list those with a count.
 */
import type { SessionUser } from '../auth/session';

export type DueItem = {
	label: string;
	count: number;
	href: string;
	/** `danger` for past a deadline, `warn` for soon; plain otherwise. */
	tone?: 'danger' | 'warn';
};

export type DueSource = (u: SessionUser) => DueItem | DueItem[] | null | undefined;

const sources: { id: string; fn: DueSource }[] = [];

/** Adds an item; registering the same id again replaces it (module reloads in development). */
export function register(id: string, fn: DueSource) {
	const at = sources.findIndex((s) => s.id === id);
	if (at >= 0) sources[at] = { id, fn };
	else sources.push({ id, fn });
}

/** The items with something to do, in registration order. */
export function forUser(u: SessionUser): (DueItem & { id: string })[] {
	return sources.flatMap(({ id, fn }) =>
		[fn(u) ?? []]
			.flat()
			.flatMap((item, i) => (item.count > 0 ? [{ ...item, id: `${id}.${i}` }] : []))
	);
}

/** The number on the navigation badge. */
export function total(items: DueItem[]): number {
	return items.reduce((n, i) => n + i.count, 0);
}
