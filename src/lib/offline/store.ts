/**
 * What a staff form keeps in the browser (IndexedDB, through `idb`): drafts, saved as they are
 * entered, and the outbox of submissions waiting for a signal. Browser only; the offline notice
 * page (static/offline.js) reads the same outbox to list what waits.
 *
 * A phone may be shared: every draft and item belongs to the user who made it, and is read, sent
 * and listed only for that user (`signedIn` names the one the offline notice lists).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export type Photo = { name: string; file: Blob; fileName: string };

export type Draft = {
	/** `draftKey(userId, draftId)`. */
	id: string;
	userId: number;
	/** The form's own name for it (`event:new`, `inspection:12`). */
	draftId: string;
	/** Every field but files, in form order. */
	fields: [string, string][];
	photos: Photo[];
	savedAt: number;
};

export type OutboxStatus = 'queued' | 'refused';

export type OutboxItem = {
	key: string;
	/** Whose it is: sent only with that user's session. */
	userId: number;
	kind: 'inspection' | 'event';
	draftId: string;
	/** Where the form posts (its action URL), and where to look at it afterwards. */
	action: string;
	page: string;
	label: string;
	fields: [string, string][];
	photos: Photo[];
	status: OutboxStatus;
	message?: string;
	queuedAt: number;
	/** Set once sent: where the server sent the inspector (the record made). */
	location?: string;
};

interface Schema extends DBSchema {
	drafts: { key: string; value: Draft };
	outbox: { key: string; value: OutboxItem };
}

export const DB_NAME = 'chengxin-staff';
let opened: Promise<IDBPDatabase<Schema>> | undefined;

export function db() {
	opened ??= openDB<Schema>(DB_NAME, 1, {
		upgrade(d) {
			d.createObjectStore('drafts', { keyPath: 'id' });
			d.createObjectStore('outbox', { keyPath: 'key' });
		}
	});
	return opened;
}

export const draftKey = (userId: number, draftId: string) => `${userId}:${draftId}`;

export async function getDraft(userId: number, draftId: string) {
	const d = await (await db()).get('drafts', draftKey(userId, draftId));
	return d?.userId === userId ? d : undefined;
}
export async function putDraft(d: Omit<Draft, 'id'>) {
	await (await db()).put('drafts', { ...d, id: draftKey(d.userId, d.draftId) });
}
export async function deleteDraft(userId: number, draftId: string) {
	await (await db()).delete('drafts', draftKey(userId, draftId));
}
/** The user's own items; another user's (or an item kept before items had owners) never show. */
export async function outbox(userId: number) {
	return (await (await db()).getAll('outbox')).filter((i) => i.userId === userId);
}
export async function putItem(item: OutboxItem) {
	await (await db()).put('outbox', item);
}
export async function deleteItem(key: string) {
	await (await db()).delete('outbox', key);
}

/**
 * On logout: the user's drafts and refused items go; what is queued stays, unseen and unsent
 * while anyone else is signed in, and goes out when the user signs in again.
 */
export async function forgetUser(userId: number) {
	const d = await db();
	const tx = d.transaction(['drafts', 'outbox'], 'readwrite');
	for (const draft of await tx.objectStore('drafts').getAll())
		if (draft.userId === userId) await tx.objectStore('drafts').delete(draft.id);
	for (const item of await tx.objectStore('outbox').getAll())
		if (item.userId === userId && item.status === 'refused')
			await tx.objectStore('outbox').delete(item.key);
	await tx.done;
}

/** Who is signed in on this phone, for the offline notice page (which has no session to ask). */
export const SIGNED_IN_KEY = 'chengxin:signed-in';
export const signedIn = {
	set(userId: number) {
		localStorage.setItem(SIGNED_IN_KEY, String(userId));
	},
	clear() {
		localStorage.removeItem(SIGNED_IN_KEY);
	}
};
