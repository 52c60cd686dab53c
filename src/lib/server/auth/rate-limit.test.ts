import { beforeEach, describe, expect, it } from 'vitest';
import {
	beginLogin,
	createThrottle,
	createWindowLimiter,
	loginSucceeded,
	accountThrottle,
	clientThrottle
} from './rate-limit';
import { db } from '../db';
import { throttle } from '../db/schema';

beforeEach(() => {
	db.delete(throttle).run();
});

describe('login throttling', () => {
	const opts = { free: 3, baseMs: 1000, maxMs: 60_000, forgetMs: 3_600_000 };

	it('lets the first failures through, then doubles the wait', () => {
		const t = createThrottle('t1', opts);
		const now = 1_000_000;
		for (let i = 0; i < 3; i++) {
			expect(t.waitMs('a', now)).toBe(0);
			t.fail('a', now);
		}
		expect(t.waitMs('a', now)).toBe(0);
		t.fail('a', now);
		expect(t.waitMs('a', now)).toBe(1000);
		t.fail('a', now + 1000);
		expect(t.waitMs('a', now + 1000)).toBe(2000);
		t.fail('a', now + 3000);
		expect(t.waitMs('a', now + 3000)).toBe(4000);
	});

	it('caps the wait and keeps keys and throttles apart', () => {
		const t = createThrottle('t2', opts);
		const other = createThrottle('t3', opts);
		for (let i = 0; i < 30; i++) t.fail('a', 0);
		expect(t.waitMs('a', 0)).toBe(60_000);
		expect(t.waitMs('b', 0)).toBe(0);
		expect(other.waitMs('a', 0)).toBe(0);
	});

	it('forgets after a quiet hour and on success', () => {
		const t = createThrottle('t4', opts);
		for (let i = 0; i < 10; i++) t.fail('a', 0);
		expect(t.waitMs('a', 3_600_001)).toBe(0);
		for (let i = 0; i < 10; i++) t.fail('b', 0);
		t.reset('b');
		expect(t.waitMs('b', 0)).toBe(0);
	});

	it('counts an attempt before it is checked, so a burst cannot outrun the throttle', () => {
		const now = 5_000_000;
		const passed = Array.from({ length: 100 }, () => beginLogin('wang', '10.0.0.1', now)).filter(
			(w) => w === 0
		).length;
		// the five free failures and the one that starts the wait
		expect(passed).toBe(6);
		expect(accountThrottle.waitMs('wang', now)).toBeGreaterThan(0);
	});

	it('a successful login clears the account and takes its attempt off the client', () => {
		const now = 6_000_000;
		expect(beginLogin('li', '10.0.0.2', now)).toBe(0);
		loginSucceeded('li', '10.0.0.2');
		const rows = db.select().from(throttle).all();
		expect(rows.find((r) => r.key === 'li')).toBeUndefined();
		expect(rows.find((r) => r.key === '10.0.0.2')?.failures).toBe(0);
		expect(clientThrottle.waitMs('10.0.0.2', now)).toBe(0);
	});
});

describe('window limits', () => {
	const limiter = createWindowLimiter('w', [
		{ max: 3, windowMs: 10_000 },
		{ max: 5, windowMs: 100_000 }
	]);
	beforeEach(() => limiter.reset());

	it('allows up to the limit in a window, then says how long to wait', () => {
		for (let i = 0; i < 3; i++) expect(limiter.take('c', 1000 + i)).toBe(0);
		expect(limiter.take('c', 1003)).toBe(1000 + 10_000 - 1003);
		expect(limiter.take('d', 1003)).toBe(0);
		// the first hit has left the short window
		expect(limiter.take('c', 11_001)).toBe(0);
	});

	it('the longer window holds after the short one clears', () => {
		for (let i = 0; i < 5; i++) limiter.hit('e', i * 20_000);
		expect(limiter.waitMs('e', 90_000)).toBe(100_000 - 90_000);
		expect(limiter.waitMs('e', 100_001)).toBe(0);
	});
});
