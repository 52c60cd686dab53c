/**
 * Sessions in the way of the Lucia guide: a random token goes to the browser, only its SHA-256 is
 * stored. A session ends after 12 hours idle and 7 days at most.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import { db } from '../db';
import { session, type Session, type User } from '../db/schema';
import { sessionRow } from '../db/raw';

export const SESSION_COOKIE = 'cx_session';
export const IDLE_MS = 12 * 60 * 60 * 1000;
export const ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Extend the idle window at most this often, so a busy session does not write on every request. */
const EXTEND_AFTER_MS = 5 * 60 * 1000;

export type SessionUser = Pick<User, 'id' | 'username' | 'displayName' | 'role'> & {
	townIds: number[];
	/** The department a department officer answers for. */
	departmentId?: number | null;
};

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

function idleExpiry(createdAt: number, now: number): Date {
	return new Date(Math.min(now + IDLE_MS, createdAt + ABSOLUTE_MS));
}

export function createSession(token: string, userId: number, now = Date.now()): Session {
	const row: Session = {
		id: sessionIdFromToken(token),
		userId,
		createdAt: new Date(now),
		expiresAt: idleExpiry(now, now)
	};
	db.insert(session).values(row).run();
	return row;
}

/** `extended`: the expiry moved, so the browser's cookie must be sent again with the new one. */
export type SessionValidation =
	| { session: Session; user: SessionUser; extended: boolean }
	| { session: null; user: null; extended: false };

export function validateSessionToken(token: string, now = Date.now()): SessionValidation {
	const id = sessionIdFromToken(token);
	const row = sessionRow(id);
	if (!row) return { session: null, user: null, extended: false };
	if (now >= row.expiresAt || row.disabledAt) {
		db.delete(session).where(eq(session.id, id)).run();
		return { session: null, user: null, extended: false };
	}
	const s: Session = {
		id,
		userId: row.userId,
		createdAt: new Date(row.createdAt),
		expiresAt: new Date(row.expiresAt)
	};
	const next = idleExpiry(row.createdAt, now);
	const extended = next.getTime() - row.expiresAt >= EXTEND_AFTER_MS;
	if (extended) {
		s.expiresAt = next;
		db.update(session).set({ expiresAt: next }).where(eq(session.id, id)).run();
	}
	const townIds = row.towns ? row.towns.split(',').map(Number) : [];
	return {
		session: s,
		extended,
		user: {
			id: row.userId,
			username: row.username,
			displayName: row.displayName,
			role: row.role as SessionUser['role'],
			townIds,
			departmentId: row.departmentId
		}
	};
}

export function invalidateSession(sessionId: string) {
	db.delete(session).where(eq(session.id, sessionId)).run();
}

export function invalidateUserSessions(userId: number) {
	db.delete(session).where(eq(session.userId, userId)).run();
}

export function setSessionCookie(event: RequestEvent, token: string, expiresAt: Date) {
	event.cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		path: '/',
		expires: expiresAt
	});
}

export function deleteSessionCookie(event: RequestEvent) {
	event.cookies.delete(SESSION_COOKIE, { path: '/' });
}
