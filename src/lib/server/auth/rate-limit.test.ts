import { beforeEach, describe, expect, it } from 'vitest';
import {
	beginLogin,
	clientKey,
	createThrottle,
	createWindowLimiter,
	loginSucceeded,
	LOGIN_LIMITS,
	sweep
} from './rate-limit';
import { db } from '../db';
import { rateHit, throttle } from '../db/schema';

beforeEach(() => {
	db.delete(throttle).run();
	db.delete(rateHit).run();
});

const passedOf = (gates: { wait: number }[]) => gates.filter((g) => g.wait === 0).length;

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

	it('counts an attempt before it is checked, so a burst cannot outrun the limit', () => {
		const now = 5_000_000;
		const gates = Array.from({ length: 100 }, () => beginLogin('wang', '10.0.0.1', now));
		expect(passedOf(gates)).toBe(5);
		expect(gates[5]).toMatchObject({ limit: 'pair' });
		expect(gates[5].wait).toBe(LOGIN_LIMITS.pair.windowMs);
		// the sixth guess from this address is allowed once the first has left the 15 minutes
		expect(beginLogin('wang', '10.0.0.1', now + 15 * 60_000 - 1).wait).toBeGreaterThan(0);
		expect(beginLogin('wang', '10.0.0.1', now + 15 * 60_000).wait).toBe(0);
	});

	it("a stranger's failures from other addresses keep the owner out at most a minute", () => {
		const now = 7_000_000;
		// 100 guesses spread over 100 addresses: the per-account ceiling lets 10 a minute through
		const gates = Array.from({ length: 100 }, (_, i) => beginLogin('zhao', `10.1.0.${i}`, now));
		expect(passedOf(gates)).toBe(LOGIN_LIMITS.account.max);
		const owner = beginLogin('zhao', '192.168.9.9', now + 1);
		expect(owner).toMatchObject({ limit: 'account' });
		expect(owner.wait).toBeLessThanOrEqual(60_000);
		// a minute later the owner is let in…
		expect(beginLogin('zhao', '192.168.9.9', now + 60_000).wait).toBe(0);
		loginSucceeded('zhao', '192.168.9.9', now + 60_000);
		// …and from an address it signed in from, the stranger's ceiling no longer holds it
		for (let i = 0; i < 20; i++) beginLogin('zhao', `10.2.0.${i}`, now + 61_000);
		expect(beginLogin('zhao', `10.2.0.99`, now + 61_000).limit).toBe('account');
		expect(beginLogin('zhao', '192.168.9.9', now + 61_000).wait).toBe(0);
	});

	it('one address guessing at many accounts is held by its own limit', () => {
		const now = 8_000_000;
		const gates = Array.from({ length: 50 }, (_, i) => beginLogin(`user${i}`, '10.3.0.1', now));
		expect(passedOf(gates)).toBe(LOGIN_LIMITS.client.max);
		expect(gates.at(-1)).toMatchObject({ limit: 'client' });
	});

	it('a successful login forgives its own typos and its attempt', () => {
		const now = 6_000_000;
		for (let i = 0; i < 4; i++) expect(beginLogin('li', '10.0.0.2', now).wait).toBe(0);
		expect(beginLogin('li', '10.0.0.2', now).wait).toBe(0);
		loginSucceeded('li', '10.0.0.2', now);
		const hits = db.select().from(rateHit).all();
		expect(hits.filter((h) => h.bucket.startsWith('login.pair:li|'))).toHaveLength(0);
		expect(hits.filter((h) => h.bucket === 'login.client:10.0.0.2')).toHaveLength(4);
		expect(beginLogin('li', '10.0.0.2', now).wait).toBe(0);
	});

	it('the remembered address survives the daily sweep and is forgotten after 30 days', () => {
		loginSucceeded('qian', '10.0.0.3', 0);
		sweep(2 * 24 * 60 * 60_000);
		expect(db.select().from(throttle).all()).toHaveLength(1);
		sweep(LOGIN_LIMITS.trustedMs + 1);
		expect(db.select().from(throttle).all()).toHaveLength(0);
	});
});

describe('client keys', () => {
	it('keeps IPv4 as is and unwraps IPv4-mapped IPv6', () => {
		expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
		expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
	});

	it('keys IPv6 by its /64, however it is written', () => {
		const k = clientKey('2001:db8:85a3:1:aaaa:bbbb:cccc:dddd');
		expect(k).toBe('2001:db8:85a3:1::/64');
		expect(clientKey('2001:0db8:85a3:0001::1')).toBe(k);
		expect(clientKey('[2001:DB8:85A3:1:ffff::2]')).toBe(k);
		expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(clientKey('2001:db8:85a3:2::1')).not.toBe(k);
		expect(clientKey('::1')).toBe('0:0:0:0::/64');
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
