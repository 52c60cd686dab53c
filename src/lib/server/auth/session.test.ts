import { describe, expect, it } from 'vitest';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { session } from '../db/schema';
import * as users from '../users';
import { makeUser } from '../testing/factories';
import {
	ABSOLUTE_MS,
	IDLE_MS,
	createSession,
	generateSessionToken,
	invalidateSession,
	sessionIdFromToken,
	validateSessionToken
} from './session';
import { SYSTEM } from '../actor';

const HOUR = 3_600_000;

describe('session tokens', () => {
	it('are at least 20 random bytes and differ every time', () => {
		const a = generateSessionToken();
		const b = generateSessionToken();
		expect(a).not.toBe(b);
		// base32 without padding: 20 bytes → 32 characters
		expect(a.length).toBeGreaterThanOrEqual(32);
	});

	it('are stored only as their SHA-256', async () => {
		const u = await makeUser('town_officer');
		const token = generateSessionToken();
		createSession(token, u.id);
		const expected = encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
		expect(sessionIdFromToken(token)).toBe(expected);
		const rows = db.select().from(session).where(eq(session.userId, u.id)).all();
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBe(expected);
		expect(JSON.stringify(rows)).not.toContain(token);
	});
});

describe('session expiry', () => {
	it('ends after 12 hours idle', async () => {
		const u = await makeUser('inspector');
		const t0 = Date.UTC(2026, 0, 1);
		const token = generateSessionToken();
		createSession(token, u.id, t0);
		expect(validateSessionToken(token, t0 + IDLE_MS - 60_000).user?.id).toBe(u.id);
		// used just before the idle limit, so the window moved on
		expect(validateSessionToken(token, t0 + IDLE_MS + HOUR).user?.id).toBe(u.id);
		const lastUse = t0 + IDLE_MS + HOUR;
		expect(validateSessionToken(token, lastUse + IDLE_MS + 1).user).toBeNull();
		// and it is gone for good
		expect(validateSessionToken(token, lastUse).user).toBeNull();
	});

	it('ends after 7 days even when used all the time', async () => {
		const u = await makeUser('inspector');
		const t0 = Date.UTC(2026, 0, 1);
		const token = generateSessionToken();
		createSession(token, u.id, t0);
		for (let t = t0; t < t0 + ABSOLUTE_MS - HOUR; t += 6 * HOUR) {
			expect(validateSessionToken(token, t).user, `at ${(t - t0) / HOUR} h`).not.toBeNull();
		}
		expect(validateSessionToken(token, t0 + ABSOLUTE_MS).user).toBeNull();
	});

	it('ends on logout and when the user is disabled', async () => {
		const u = await makeUser('town_officer');
		const a = generateSessionToken();
		const s = createSession(a, u.id);
		invalidateSession(s.id);
		expect(validateSessionToken(a).user).toBeNull();

		const b = generateSessionToken();
		createSession(b, u.id);
		expect(validateSessionToken(b).user?.id).toBe(u.id);
		users.setDisabled(SYSTEM, u.id, true);
		expect(validateSessionToken(b).user).toBeNull();
	});
});

describe('the session cookie', () => {
	it('is to be sent again only when the expiry moves', async () => {
		const u = await makeUser('town_officer', ['yueyang']);
		const token = generateSessionToken();
		const t0 = Date.UTC(2026, 11, 1, 2);
		createSession(token, u.id, t0);
		expect(validateSessionToken(token, t0 + 1000).extended).toBe(false);
		expect(validateSessionToken(token, t0 + 4 * 60_000).extended).toBe(false);
		expect(validateSessionToken(token, t0 + 6 * 60_000).extended).toBe(true);
		expect(validateSessionToken(token, t0 + 7 * 60_000).extended).toBe(false);
	});
});
