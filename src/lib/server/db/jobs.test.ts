import { describe, expect, it } from 'vitest';
import { claim } from './jobs';

describe('background job leases', () => {
	it('one claim per period, however many workers ask', () => {
		const now = 10_000;
		const claims = [
			claim('expire', 1000, now),
			claim('expire', 1000, now),
			claim('expire', 1000, now)
		];
		expect(claims.filter(Boolean)).toHaveLength(1);
		expect(claim('expire', 1000, now + 999)).toBe(false);
		expect(claim('expire', 1000, now + 1000)).toBe(true);
		expect(claim('other', 1000, now)).toBe(true);
	});
});
