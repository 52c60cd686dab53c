/**
 * Slows failed logins per account and per client. After a few free failures each further failure
 * doubles the wait before the next attempt is accepted. Kept in memory: a restart forgives.
 */
export type Throttle = {
	/** Milliseconds still to wait, or 0 when an attempt is allowed now. */
	waitMs(key: string, now?: number): number;
	fail(key: string, now?: number): void;
	reset(key: string): void;
};

type Entry = { failures: number; last: number; until: number };

export function createThrottle(opts: {
	free: number;
	baseMs: number;
	maxMs: number;
	forgetMs: number;
}): Throttle {
	const entries = new Map<string, Entry>();

	function current(key: string, now: number): Entry | undefined {
		const e = entries.get(key);
		if (e && now - e.last > opts.forgetMs) {
			entries.delete(key);
			return undefined;
		}
		return e;
	}

	return {
		waitMs(key, now = Date.now()) {
			const e = current(key, now);
			return e ? Math.max(0, e.until - now) : 0;
		},
		fail(key, now = Date.now()) {
			const e = current(key, now) ?? { failures: 0, last: now, until: 0 };
			e.failures += 1;
			e.last = now;
			const over = e.failures - opts.free;
			e.until = over > 0 ? now + Math.min(opts.maxMs, opts.baseMs * 2 ** (over - 1)) : 0;
			entries.set(key, e);
			if (entries.size > 50_000) {
				for (const [k, v] of entries) if (now - v.last > opts.forgetMs) entries.delete(k);
			}
		},
		reset(key) {
			entries.delete(key);
		}
	};
}

export const accountThrottle = createThrottle({
	free: 5,
	baseMs: 2_000,
	maxMs: 15 * 60_000,
	forgetMs: 60 * 60_000
});

export const clientThrottle = createThrottle({
	free: 20,
	baseMs: 1_000,
	maxMs: 15 * 60_000,
	forgetMs: 60 * 60_000
});

export function formatWait(ms: number): string {
	const s = Math.ceil(ms / 1000);
	return s < 60 ? `${s} 秒` : `${Math.ceil(s / 60)} 分钟`;
}
