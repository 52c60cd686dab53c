/**
 * Throttles and rate limits, kept in the database so that every worker process sees the same
 * counts and a restart forgives nothing.
 *
 * - A throttle slows failures: after a few free ones, each further failure doubles the wait before
 *   the next attempt is accepted (logins, per account and per client).
 * - A window limiter caps how many requests a key makes in sliding windows (feedback per client).
 *
 * Check and count happen in one immediate transaction, so concurrent requests, on one worker or
 * several, cannot all pass a check before any of them is counted.
 */
import { and, count, eq, gte, like, lt } from 'drizzle-orm';
import { db } from '../db';
import { rateHit, throttle } from '../db/schema';

export type ThrottleOptions = { free: number; baseMs: number; maxMs: number; forgetMs: number };

export type Throttle = {
	/** Milliseconds still to wait, or 0 when an attempt is allowed now. */
	waitMs(key: string, now?: number): number;
	fail(key: string, now?: number): void;
	reset(key: string): void;
	/**
	 * One atomic step: the wait if the key must wait, else 0 with the attempt already counted as a
	 * failure — `reset` (or `forgive`) it when the attempt succeeds.
	 */
	attempt(key: string, now?: number): number;
	/** Takes back one counted failure (an attempt that `attempt` counted and that succeeded). */
	forgive(key: string): void;
};

type Entry = { failures: number; lastAt: number; untilAt: number };

export function createThrottle(scope: string, opts: ThrottleOptions): Throttle {
	function current(key: string, now: number): Entry | undefined {
		const e = db
			.select()
			.from(throttle)
			.where(and(eq(throttle.scope, scope), eq(throttle.key, key)))
			.get();
		return e && now - e.lastAt <= opts.forgetMs ? e : undefined;
	}

	function wait(e: Entry | undefined, now: number) {
		return e ? Math.max(0, e.untilAt - now) : 0;
	}

	function fail(key: string, now: number) {
		const failures = (current(key, now)?.failures ?? 0) + 1;
		const over = failures - opts.free;
		const untilAt = over > 0 ? now + Math.min(opts.maxMs, opts.baseMs * 2 ** (over - 1)) : 0;
		const row = { failures, lastAt: now, untilAt };
		db.insert(throttle)
			.values({ scope, key, ...row })
			.onConflictDoUpdate({ target: [throttle.scope, throttle.key], set: row })
			.run();
	}

	return {
		waitMs: (key, now = Date.now()) => wait(current(key, now), now),
		fail: (key, now = Date.now()) =>
			db.transaction(() => fail(key, now), { behavior: 'immediate' }),
		reset(key) {
			db.delete(throttle)
				.where(and(eq(throttle.scope, scope), eq(throttle.key, key)))
				.run();
		},
		attempt(key, now = Date.now()) {
			return db.transaction(
				() => {
					const w = wait(current(key, now), now);
					if (w === 0) fail(key, now);
					return w;
				},
				{ behavior: 'immediate' }
			);
		},
		forgive(key) {
			db.transaction(
				(tx) => {
					const e = tx
						.select()
						.from(throttle)
						.where(and(eq(throttle.scope, scope), eq(throttle.key, key)))
						.get();
					if (!e) return;
					const failures = Math.max(0, e.failures - 1);
					const over = failures - opts.free;
					tx.update(throttle)
						.set({ failures, untilAt: over > 0 ? e.untilAt : 0 })
						.where(and(eq(throttle.scope, scope), eq(throttle.key, key)))
						.run();
				},
				{ behavior: 'immediate' }
			);
		}
	};
}

export const accountThrottle = createThrottle('login.account', {
	free: 5,
	baseMs: 2_000,
	maxMs: 15 * 60_000,
	forgetMs: 60 * 60_000
});

export const clientThrottle = createThrottle('login.client', {
	free: 20,
	baseMs: 1_000,
	maxMs: 15 * 60_000,
	forgetMs: 60 * 60_000
});

/**
 * A login attempt for an account from a client: the wait when either must wait, else 0 with the
 * attempt counted against both until `loginSucceeded`.
 */
export function beginLogin(accountKey: string, client: string, now = Date.now()): number {
	return db.transaction(
		() => {
			const w = Math.max(
				accountThrottle.waitMs(accountKey, now),
				clientThrottle.waitMs(client, now)
			);
			if (w > 0) return w;
			accountThrottle.fail(accountKey, now);
			clientThrottle.fail(client, now);
			return 0;
		},
		{ behavior: 'immediate' }
	);
}

export function loginSucceeded(accountKey: string, client: string) {
	accountThrottle.reset(accountKey);
	clientThrottle.forgive(client);
}

export function formatWait(ms: number): string {
	const s = Math.ceil(ms / 1000);
	return s < 60 ? `${s} 秒` : `${Math.ceil(s / 60)} 分钟`;
}

export type WindowLimit = { max: number; windowMs: number };

/** Sliding windows of counted hits per key, in the `rate_hit` table under `name:`. */
export function createWindowLimiter(name: string, limits: WindowLimit[]) {
	const longest = Math.max(...limits.map((l) => l.windowMs));
	const bucket = (key: string) => `${name}:${key}`;

	function waitMs(key: string, now = Date.now()): number {
		let w = 0;
		for (const l of limits) {
			const since = now - l.windowMs;
			const n =
				db
					.select({ n: count() })
					.from(rateHit)
					.where(and(eq(rateHit.bucket, bucket(key)), gte(rateHit.at, since + 1)))
					.get()?.n ?? 0;
			if (n < l.max) continue;
			// the hit that must leave the window before one more is allowed
			const oldest = db
				.select({ at: rateHit.at })
				.from(rateHit)
				.where(and(eq(rateHit.bucket, bucket(key)), gte(rateHit.at, since + 1)))
				.orderBy(rateHit.at)
				.limit(1)
				.offset(n - l.max)
				.get();
			if (oldest) w = Math.max(w, oldest.at + l.windowMs - now);
		}
		return w;
	}

	function hit(key: string, now = Date.now()) {
		db.insert(rateHit)
			.values({ bucket: bucket(key), at: now })
			.run();
		db.delete(rateHit)
			.where(and(eq(rateHit.bucket, bucket(key)), lt(rateHit.at, now - longest)))
			.run();
	}

	return {
		/** Milliseconds until one more is allowed, or 0 when it is allowed now. */
		waitMs,
		hit: (key: string, now = Date.now()) =>
			db.transaction(() => hit(key, now), { behavior: 'immediate' }),
		/** Checks and counts in one step: the wait, or 0 with the hit counted. */
		take(key: string, now = Date.now()): number {
			return db.transaction(
				() => {
					const w = waitMs(key, now);
					if (w === 0) hit(key, now);
					return w;
				},
				{ behavior: 'immediate' }
			);
		},
		/** Forgets every hit of this limiter (tests, an operator's reset). */
		reset() {
			db.delete(rateHit)
				.where(like(rateHit.bucket, `${name}:%`))
				.run();
		}
	};
}

/** Deletes throttle entries and hits too old to matter; run by the hourly job. */
export function sweep(now = Date.now(), forgetMs = 24 * 60 * 60_000) {
	db.delete(throttle)
		.where(lt(throttle.lastAt, now - forgetMs))
		.run();
	db.delete(rateHit)
		.where(lt(rateHit.at, now - forgetMs))
		.run();
}
