/**
 * What a staff form keeps in the browser (IndexedDB, through `idb`): drafts, saved as they are
 * entered, and the outbox of submissions waiting for a signal. Browser only; the offline notice
 * page (static/offline.js) reads the same outbox to list what waits.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export type Photo = { name: string; file: Blob; fileName: string };

export type Draft = {
	id: string;
	/** Every field but files, in form order. */
	fields: [string, string][];
	photos: Photo[];
	savedAt: number;
};

export type OutboxStatus = 'queued' | 'refused';

export type OutboxItem = {
	key: string;
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

export async function getDraft(id: string) {
	return (await db()).get('drafts', id);
}
export async function putDraft(d: Draft) {
	await (await db()).put('drafts', d);
}
export async function deleteDraft(id: string) {
	await (await db()).delete('drafts', id);
}
export async function outbox() {
	return (await db()).getAll('outbox');
}
export async function putItem(item: OutboxItem) {
	await (await db()).put('outbox', item);
}
export async function deleteItem(key: string) {
	await (await db()).delete('outbox', key);
}
