import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { rateHit, throttle } from '$lib/server/db/schema';
import { makeUser } from '$lib/server/testing/users';

// Counts how many guesses reached the password check.
const checked = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../../lib/server/auth/password', async (original) => {
	const real = await original<typeof import('$lib/server/auth/password')>();
	return {
		...real,
		verifyPassword: (hash: string, password: string) => {
			checked.n += 1;
			return real.verifyPassword(hash, password);
		}
	};
});

// The setup file loaded the password module before the mock: load the action afresh.
vi.resetModules();
const { actions } = await import('./+page.server');
const log = await import('$lib/server/ops/log');

function loginEvent(username: string, password: string, address: string) {
	const body = new FormData();
	body.set('username', username);
	body.set('password', password);
	const url = new URL('http://127.0.0.1/login');
	const set: string[] = [];
	const event = {
		request: new Request(url, { method: 'POST', body }),
		url,
		locals: { user: null, session: null },
		getClientAddress: () => address,
		cookies: { set: (name: string) => set.push(name), get: () => undefined }
	} as unknown as RequestEvent;
	return { event, set };
}

/** The action's answer: 'in' for the redirect after a sign-in, else the failure's status. */
async function login(username: string, password: string, address: string) {
	const { event } = loginEvent(username, password, address);
	try {
		const r = (await actions.default(event as never)) as { status: number };
		return r.status;
	} catch (e) {
		if ((e as { status?: number }).status === 303) return 'in';
		throw e;
	}
}

const lines: string[] = [];
beforeEach(() => {
	db.delete(throttle).run();
	db.delete(rateHit).run();
	checked.n = 0;
	lines.length = 0;
	log.setSink((line) => lines.push(line));
});
afterEach(() => {
	log.setSink(null);
	vi.useRealTimers();
});

describe('login under a burst of wrong passwords', () => {
	it('checks at most 5 of 100 concurrent guesses from one address; the owner still gets in', async () => {
		const owner = await makeUser('town_officer', ['yueyang'], { password: 'Owner-pass-2026x' });
		const answers = await Promise.all(
			Array.from({ length: 100 }, () => login(owner.username, 'wrong-guess-0000', '198.51.100.7'))
		);
		const guessed = checked.n;
		expect(guessed).toBeLessThanOrEqual(5);
		expect(answers.filter((a) => a === 400)).toHaveLength(guessed);
		expect(answers.filter((a) => a === 429)).toHaveLength(100 - guessed);
		// the same right password from the stranger's address is still held…
		expect(await login(owner.username, 'Owner-pass-2026x', '198.51.100.7')).toBe(429);
		// …but the owner from their own address is let straight in
		expect(await login(owner.username, 'Owner-pass-2026x', '203.0.113.20')).toBe('in');

		const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
		expect(events.filter((e) => e.event === 'login.failed')).toHaveLength(guessed);
		expect(events.filter((e) => e.event === 'login.throttled').length).toBeGreaterThan(90);
		expect(lines.join('\n')).not.toContain('wrong-guess-0000');
		expect(lines.join('\n')).not.toContain('Owner-pass-2026x');
	});

	it('guesses spread over 100 addresses keep the owner out for at most a minute', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2026-12-01T02:00:00Z'));
		const owner = await makeUser('town_officer', ['yueyang'], { password: 'Owner-pass-2026y' });
		await Promise.all(
			Array.from({ length: 100 }, (_, i) =>
				login(owner.username, 'wrong-guess-0001', `2001:db8:${i}::1`)
			)
		);
		expect(checked.n).toBeLessThanOrEqual(10);
		expect(await login(owner.username, 'Owner-pass-2026y', '203.0.113.21')).toBe(429);
		vi.setSystemTime(new Date('2026-12-01T02:01:00Z'));
		expect(await login(owner.username, 'Owner-pass-2026y', '203.0.113.21')).toBe('in');
	});

	it('counts every address of one IPv6 /64 as one client', async () => {
		const owner = await makeUser('town_officer', ['yueyang'], { password: 'Owner-pass-2026z' });
		for (let i = 1; i <= 8; i++)
			await login(owner.username, 'wrong-guess-0002', `2001:db8:aa:bb::${i.toString(16)}`);
		expect(checked.n).toBe(5);
	});
});
