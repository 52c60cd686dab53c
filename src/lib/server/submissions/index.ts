/**
 * Idempotency keys of submissions queued on a phone. A key is accepted once: the first request
 * that carries it does the write and records the key in the same transaction; any later request
 * with the key gets the record the first one made, and writes nothing.
 */
import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { submissionKey } from '../db/schema';
import { DomainError } from '../forms';
import type { SessionUser } from '../auth/session';

export type Kind = 'inspection' | 'event';

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key a form carries, or null for a form sent the ordinary way; a malformed key is refused. */
export function keyOf(form: FormData): string | null {
	const raw = form.get('submissionKey');
	if (raw == null || raw === '') return null;
	if (typeof raw !== 'string' || !KEY.test(raw))
		throw new DomainError('_', '提交编号格式有误，请刷新页面后重新提交');
	return raw.toLowerCase();
}

/** The record an earlier submission with this key made, if it was this user's of this kind. */
export function done(u: SessionUser, kind: Kind, key: string): number | undefined {
	const row = db.select().from(submissionKey).where(eq(submissionKey.key, key)).get();
	if (!row) return undefined;
	if (row.userId !== u.id || row.kind !== kind)
		throw new DomainError('_', '提交编号已被使用，请刷新页面后重新提交');
	return row.recordId;
}

/**
 * Runs `write` (which returns the id of the record it made or changed) and keeps the key, both or
 * neither; when the key is already kept, returns its record without running `write`.
 */
export function once(
	u: SessionUser,
	kind: Kind,
	key: string,
	write: () => number,
	now = new Date()
): { recordId: number; repeated: boolean } {
	return db.transaction((tx) => {
		const row = tx.select().from(submissionKey).where(eq(submissionKey.key, key)).get();
		if (row) {
			if (row.userId !== u.id || row.kind !== kind)
				throw new DomainError('_', '提交编号已被使用，请刷新页面后重新提交');
			return { recordId: row.recordId, repeated: true };
		}
		const recordId = write();
		tx.insert(submissionKey).values({ key, userId: u.id, kind, recordId, createdAt: now }).run();
		return { recordId, repeated: false };
	});
}

/**
 * For a write that cannot run inside one transaction (it stores photos first): takes the key
 * before writing. `new` — go ahead, then `settle` (or `release` when the write failed); `done` —
 * the record an earlier request made; `pending` — an earlier request with the key is still at it.
 */
export function claim(
	u: SessionUser,
	kind: Kind,
	key: string,
	now = new Date()
): { state: 'new' } | { state: 'done'; recordId: number } | { state: 'pending' } {
	return db.transaction((tx) => {
		const row = tx.select().from(submissionKey).where(eq(submissionKey.key, key)).get();
		if (row) {
			if (row.userId !== u.id || row.kind !== kind)
				throw new DomainError('_', '提交编号已被使用，请刷新页面后重新提交');
			return row.recordId ? { state: 'done', recordId: row.recordId } : { state: 'pending' };
		}
		tx.insert(submissionKey).values({ key, userId: u.id, kind, recordId: 0, createdAt: now }).run();
		return { state: 'new' };
	});
}

export function settle(key: string, recordId: number) {
	db.update(submissionKey).set({ recordId }).where(eq(submissionKey.key, key)).run();
}

export function release(key: string) {
	db.delete(submissionKey)
		.where(and(eq(submissionKey.key, key), eq(submissionKey.recordId, 0)))
		.run();
}
