/**
 * Throttles and rate limits, kept in the database so that every worker process sees the same
 * counts and a restart forgives nothing.
 *
 * - A throttle slows failures: after a few free ones, each further failure doubles the wait before
 *   the next attempt is accepted.
 * - A window limiter caps how many requests a key makes in sliding windows (logins, feedback).
 *
 * Check and count happen in one immediate transaction, so concurrent requests, on one worker or
 * several, cannot all pass a check before any of them is counted.
 */
import { and, count, desc, eq, gte, like, lt, ne } from 'drizzle-orm';
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

/**
 * Login limits. Every attempt is counted before its password is checked, in one immediate
 * transaction with the check, so a burst cannot outrun them:
 * - `pair`: wrong guesses for one account from one client address (the owner's own typos, or a
 *   stranger at one address) — at most 5 checked in any 15 minutes;
 * - `account`: a ceiling over every address, which slows guesses spread over many addresses but
 *   keeps a stranger from locking the owner out for more than its one-minute window; an address
 *   the account signed in from before (`trusted`) is not held by it;
 * - `client`: one address guessing at many accounts.
 */
export const LOGIN_LIMITS = {
	pair: { max: 5, windowMs: 15 * 60_000 },
	account: { max: 10, windowMs: 60_000 },
	client: { max: 30, windowMs: 15 * 60_000 },
	trustedMs: 30 * 24 * 60 * 60_000
} as const;

const pairLimiter = createWindowLimiter('login.pair', [LOGIN_LIMITS.pair]);
const accountLimiter = createWindowLimiter('login.account', [LOGIN_LIMITS.account]);
const clientLimiter = createWindowLimiter('login.client', [LOGIN_LIMITS.client]);
const TRUSTED = 'login.trusted';

function pairKey(accountKey: string, client: string) {
	return `${accountKey}|${client}`;
}

function trusted(accountKey: string, client: string, now: number) {
	const row = db
		.select({ lastAt: throttle.lastAt })
		.from(throttle)
		.where(and(eq(throttle.scope, TRUSTED), eq(throttle.key, pairKey(accountKey, client))))
		.get();
	return !!row && now - row.lastAt <= LOGIN_LIMITS.trustedMs;
}

export type LoginGate = { wait: number; limit: 'pair' | 'account' | 'client' | null };

/**
 * A login attempt for an account from a client address (already keyed by `clientKey`): the wait
 * and the limit that holds it when one must wait, else wait 0 with the attempt counted against
 * every limit until `loginSucceeded`. Synchronous: call it before any await.
 */
export function beginLogin(accountKey: string, client: string, now = Date.now()): LoginGate {
	return db.transaction(
		() => {
			const pair = pairKey(accountKey, client);
			const waits = {
				pair: pairLimiter.waitMs(pair, now),
				account: trusted(accountKey, client, now) ? 0 : accountLimiter.waitMs(accountKey, now),
				client: clientLimiter.waitMs(client, now)
			};
			let gate: LoginGate = { wait: 0, limit: null };
			for (const limit of ['pair', 'account', 'client'] as const)
				if (waits[limit] > gate.wait) gate = { wait: waits[limit], limit };
			if (gate.wait > 0) return gate;
			pairLimiter.count(pair, now);
			accountLimiter.count(accountKey, now);
			clientLimiter.count(client, now);
			return gate;
		},
		{ behavior: 'immediate' }
	);
}

/** The owner is in: their earlier typos are forgiven and this address is remembered. */
export function loginSucceeded(accountKey: string, client: string, now = Date.now()) {
	db.transaction(
		() => {
			const pair = pairKey(accountKey, client);
			pairLimiter.clear(pair);
			accountLimiter.forgive(accountKey);
			clientLimiter.forgive(client);
			const row = { failures: 0, lastAt: now, untilAt: 0 };
			db.insert(throttle)
				.values({ scope: TRUSTED, key: pair, ...row })
				.onConflictDoUpdate({ target: [throttle.scope, throttle.key], set: row })
				.run();
		},
		{ behavior: 'immediate' }
	);
}

/**
 * The key a client address is limited by: an IPv6 client by its /64 (one household or phone gets
 * a whole /64 and can pick any address in it), an IPv4 one (also written `::ffff:a.b.c.d`) as is.
 */
export function clientKey(address: string): string {
	const a = address
		.trim()
		.toLowerCase()
		.replace(/^\[|\]$/g, '')
		.replace(/%.*$/, '');
	const mapped =
		/^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a) ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(a);
	if (mapped) return mapped[1];
	if (!a.includes(':')) return a;
	const [head, tail = ''] = a.split('::');
	const left = head ? head.split(':') : [];
	const right = a.includes('::') && tail ? tail.split(':') : [];
	const groups = a.includes('::')
		? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
		: left;
	if (groups.length < 4) return a;
	return (
		groups
			.slice(0, 4)
			.map((g) => g.replace(/^0+/, '') || '0')
			.join(':') + '::/64'
	);
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
		/** Counts one hit inside the caller's transaction (several limits checked together). */
		count: hit,
		/** Forgets every hit of one key. */
		clear(key: string) {
			db.delete(rateHit)
				.where(eq(rateHit.bucket, bucket(key)))
				.run();
		},
		/** Takes back the newest hit of one key (an attempt that turned out well). */
		forgive(key: string) {
			const newest = db
				.select({ id: rateHit.id })
				.from(rateHit)
				.where(eq(rateHit.bucket, bucket(key)))
				.orderBy(desc(rateHit.at), desc(rateHit.id))
				.limit(1)
				.get();
			if (newest) db.delete(rateHit).where(eq(rateHit.id, newest.id)).run();
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
		.where(and(ne(throttle.scope, TRUSTED), lt(throttle.lastAt, now - forgetMs)))
		.run();
	db.delete(throttle)
		.where(and(eq(throttle.scope, TRUSTED), lt(throttle.lastAt, now - LOGIN_LIMITS.trustedMs)))
		.run();
	db.delete(rateHit)
		.where(lt(rateHit.at, now - forgetMs))
		.run();
}
