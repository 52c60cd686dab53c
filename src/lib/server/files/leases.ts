/**
 * Leases: at most `max` holders of a key at once, counted in the database so that every worker
 * sees the same holders. A lease is a `rate_hit` row whose `at` is its expiry, so a holder that
 * dies without releasing frees its place when the lease runs out.
 */
import { and, count, eq, gt, lte } from 'drizzle-orm';
import { db } from '../db';
import { rateHit } from '../db/schema';

export type LeaseLimit = { key: string; max: number };

/**
 * One lease under every limit at once, or null (and nothing taken) when any limit is full.
 * Returns the release function; calling it twice does nothing.
 */
export function acquire(
	name: string,
	limits: LeaseLimit[],
	ttlMs: number,
	now = Date.now()
): null | (() => void) {
	const ids = db.transaction(
		(tx) => {
			const taken: number[] = [];
			for (const l of limits) {
				const bucket = `lease:${name}:${l.key}`;
				tx.delete(rateHit)
					.where(and(eq(rateHit.bucket, bucket), lte(rateHit.at, now)))
					.run();
				const held =
					tx
						.select({ n: count() })
						.from(rateHit)
						.where(and(eq(rateHit.bucket, bucket), gt(rateHit.at, now)))
						.get()?.n ?? 0;
				if (held >= l.max) return null;
			}
			for (const l of limits)
				taken.push(
					tx
						.insert(rateHit)
						.values({ bucket: `lease:${name}:${l.key}`, at: now + ttlMs })
						.returning({ id: rateHit.id })
						.get().id
				);
			return taken;
		},
		{ behavior: 'immediate' }
	);
	if (!ids) return null;
	let released = false;
	return () => {
		if (released) return;
		released = true;
		for (const id of ids) db.delete(rateHit).where(eq(rateHit.id, id)).run();
	};
}

/** How many leases of `name` for `key` are held now. */
export function held(name: string, key: string, now = Date.now()): number {
	return (
		db
			.select({ n: count() })
			.from(rateHit)
			.where(and(eq(rateHit.bucket, `lease:${name}:${key}`), gt(rateHit.at, now)))
			.get()?.n ?? 0
	);
}
