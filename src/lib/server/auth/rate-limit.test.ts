import { describe, expect, it } from 'vitest';
import { createThrottle } from './rate-limit';

describe('login throttling', () => {
	const opts = { free: 3, baseMs: 1000, maxMs: 60_000, forgetMs: 3_600_000 };

	it('lets the first failures through, then doubles the wait', () => {
		const t = createThrottle(opts);
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

	it('caps the wait and keeps keys apart', () => {
		const t = createThrottle(opts);
		for (let i = 0; i < 30; i++) t.fail('a', 0);
		expect(t.waitMs('a', 0)).toBe(60_000);
		expect(t.waitMs('b', 0)).toBe(0);
	});

	it('forgets after a quiet hour and on success', () => {
		const t = createThrottle(opts);
		for (let i = 0; i < 10; i++) t.fail('a', 0);
		expect(t.waitMs('a', 3_600_001)).toBe(0);
		for (let i = 0; i < 10; i++) t.fail('b', 0);
		t.reset('b');
		expect(t.waitMs('b', 0)).toBe(0);
	});
});
