/**
 * The outbox: submissions made on a phone wait here (IndexedDB) until they reach the server. Each
 * carries its idempotency key, so sending one twice — a retry after a dropped answer, the `online`
 * event and the app's opening racing — makes one record. Each also carries its user: only the
 * signed-in user's items are sent (with their own session), never another's who used the phone.
 */
import { deserialize } from '$app/forms';
import type { ActionResult } from '@sveltejs/kit';
import { deleteDraft, deleteItem, outbox, putItem, type OutboxItem } from './store';

export type Outcome =
	| { key: string; draftId: string; outcome: 'sent'; location: string; result: ActionResult }
	| { key: string; draftId: string; outcome: 'refused'; message: string; result: ActionResult }
	| { key: string; draftId: string; outcome: 'waiting'; message?: string };

export const OUTBOX_EVENT = 'chengxin:outbox';

function announce(o: Outcome | null) {
	window.dispatchEvent(new CustomEvent(OUTBOX_EVENT, { detail: o }));
}

export async function enqueue(item: OutboxItem) {
	// A fresh submission of a draft replaces any earlier one that was refused.
	for (const old of await outbox(item.userId))
		if (old.draftId === item.draftId && old.status === 'refused') await deleteItem(old.key);
	await putItem(item);
	announce({ key: item.key, draftId: item.draftId, outcome: 'waiting' });
}

function messageOf(result: ActionResult): string {
	if (result.type === 'failure') {
		const errors = (result.data?.errors ?? {}) as Record<string, string>;
		return errors._ ?? Object.values(errors)[0] ?? '提交未被接受，请核对后重新提交';
	}
	if (result.type === 'error') return String(result.error?.message ?? '提交未被接受');
	return '';
}

/** How long one send may wait for the server's answer before it counts as lost. */
export const SEND_TIMEOUT_MS = 15_000;

/** Sends one item; a network failure leaves it queued. */
export async function send(item: OutboxItem): Promise<Outcome> {
	const body = new FormData();
	for (const [k, v] of item.fields) body.append(k, v);
	for (const p of item.photos)
		body.append(p.name, new File([p.file], p.fileName, { type: p.file.type || 'image/jpeg' }));
	body.set('submissionKey', item.key);
	let result: ActionResult;
	try {
		const res = await fetch(item.action, {
			method: 'POST',
			body,
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' },
			// a weak signal can leave a request hanging with no answer: give up on it and try again
			// (the key makes a request that did arrive count once)
			signal: AbortSignal.timeout(SEND_TIMEOUT_MS)
		});
		result = deserialize(await res.text());
	} catch {
		return { key: item.key, draftId: item.draftId, outcome: 'waiting' };
	}
	const base = { key: item.key, draftId: item.draftId };
	if (result.type === 'redirect' && result.location.startsWith('/login'))
		return { ...base, outcome: 'waiting', message: '登录已过期：请重新登录，登录后自动上传' };
	if (result.type === 'redirect' || result.type === 'success') {
		await deleteItem(item.key);
		await deleteDraft(item.userId, item.draftId);
		const location = result.type === 'redirect' ? result.location : item.page;
		return { ...base, outcome: 'sent', location, result };
	}
	if (result.type === 'failure' && result.status === 409)
		return { ...base, outcome: 'waiting', message: '正在处理上一次上传，稍后自动重试' };
	if (result.type === 'error' && (result.status ?? 500) >= 500)
		return { ...base, outcome: 'waiting', message: '服务器暂时无法处理，稍后自动重试' };
	const message = messageOf(result);
	await putItem({ ...item, status: 'refused', message });
	return { ...base, outcome: 'refused', message, result };
}

let running: Promise<void> | undefined;
/** The signed-in user, whose session the sends go with (set by `startOutbox`). */
let current: number | undefined;

/** Sends the signed-in user's queued items once, in the order they were queued; one run at a time. */
export function flush(): Promise<void> {
	const userId = current;
	if (userId === undefined) return Promise.resolve();
	running ??= (async () => {
		try {
			const items = (await outbox(userId))
				.filter((i) => i.status === 'queued')
				.sort((a, b) => a.queuedAt - b.queuedAt);
			for (const item of items) {
				if (current !== userId) break; // signed out meanwhile
				const o = await send(item);
				announce(o);
				if (o.outcome === 'waiting') break;
			}
		} finally {
			running = undefined;
		}
	})();
	return running;
}

let started = false;

/** On the app's opening (for the user signed in) and whenever the connection returns. */
export function startOutbox(userId: number) {
	current = userId;
	if (started) return void flush();
	started = true;
	window.addEventListener('online', () => void flush());
	// Nor is the online event always told: while anything waits, try again every few seconds.
	setInterval(async () => {
		if (current !== undefined && (await outbox(current)).some((i) => i.status === 'queued'))
			void flush();
	}, 5000);
	void flush();
}

/** On logout: nothing more goes out until someone signs in. */
export function stopOutbox() {
	current = undefined;
}
