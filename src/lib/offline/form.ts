/**
 * `use:keepOffline` on a staff form: every field and photo is kept in IndexedDB as it is entered
 * (a reload or a lost signal loses nothing, and the draft comes back into the form); the form's
 * submission goes into the outbox with an idempotency key and is sent now or when the signal
 * returns. Photos are made smaller first. The form's own markup and fields stay the page's.
 */
import { applyAction } from '$app/forms';
import { goto } from '$app/navigation';
import type { Action } from 'svelte/action';
import { resizePhoto } from './photo';
import { deleteDraft, getDraft, outbox, putDraft, type Draft, type Photo } from './store';
import { enqueue, flush, OUTBOX_EVENT, type Outcome } from './outbox';

export type OfflineStatus =
	| { state: 'idle' }
	| { state: 'restored'; savedAt: number }
	| { state: 'saved-locally' }
	| { state: 'queued'; queuedAt: number; message?: string }
	| { state: 'sending' }
	| { state: 'refused'; message: string };

export type KeepOffline = {
	/** The signed-in user: the draft and the queued submission are theirs alone. */
	userId: number;
	draftId: string;
	kind: 'inspection' | 'event';
	label: string;
	/** Whether this submit button sends the form through the outbox (the others post as usual). */
	queues: (submitter: HTMLElement | null) => boolean;
	/** The URL a queued submission posts to (the submit button's formaction, absolute). */
	action: (submitter: HTMLElement | null) => string;
	onstatus: (s: OfflineStatus) => void;
	/**
	 * An ancestor that catches the submit first (capture), for a form with a submit handler of its
	 * own (`use:enhance`): a submission taken into the outbox goes no further.
	 */
	interceptOn?: HTMLElement;
};

type Named = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function named(form: HTMLFormElement): Named[] {
	return [...form.elements].filter(
		(e): e is Named =>
			(e instanceof HTMLInputElement ||
				e instanceof HTMLTextAreaElement ||
				e instanceof HTMLSelectElement) &&
			!!e.name
	);
}

function fileInputs(form: HTMLFormElement) {
	return named(form).filter(
		(e): e is HTMLInputElement => e instanceof HTMLInputElement && e.type === 'file'
	);
}

function read(form: HTMLFormElement): { fields: [string, string][]; photos: Photo[] } {
	const fields: [string, string][] = [];
	for (const [k, v] of new FormData(form)) if (typeof v === 'string') fields.push([k, v]);
	const photos: Photo[] = [];
	for (const input of fileInputs(form))
		for (const f of input.files ?? []) photos.push({ name: input.name, file: f, fileName: f.name });
	return { fields, photos };
}

function setFiles(input: HTMLInputElement, files: File[]) {
	const dt = new DataTransfer();
	for (const f of files) dt.items.add(f);
	input.files = dt.files;
}

/** Puts a kept draft back into the form; hidden fields (the server's stamp) stay as served. */
function restore(form: HTMLFormElement, d: Draft) {
	const byName = new Map<string, string[]>();
	for (const [k, v] of d.fields) byName.set(k, [...(byName.get(k) ?? []), v]);
	const seen = new Map<string, number>();
	for (const el of named(form)) {
		if (el instanceof HTMLInputElement && (el.type === 'hidden' || el.type === 'file')) continue;
		const values = byName.get(el.name) ?? [];
		let changed = false;
		if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
			const on = values.includes(el.value);
			changed = el.checked !== on;
			el.checked = on;
		} else if (el instanceof HTMLSelectElement && el.multiple) {
			for (const o of el.options) o.selected = values.includes(o.value);
			changed = true;
		} else {
			const i = seen.get(el.name) ?? 0;
			seen.set(el.name, i + 1);
			const v = values[i];
			if (v === undefined) continue;
			changed = el.value !== v;
			el.value = v;
		}
		if (changed) {
			el.dispatchEvent(new Event('input', { bubbles: true }));
			el.dispatchEvent(new Event('change', { bubbles: true }));
		}
	}
	for (const input of fileInputs(form)) {
		const files = d.photos
			.filter((p) => p.name === input.name)
			.map((p) => new File([p.file], p.fileName, { type: p.file.type }));
		if (files.length) setFiles(input, files);
	}
}

export const keepOffline: Action<HTMLFormElement, KeepOffline> = (form, initial) => {
	let opts = initial;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let restoring = true;
	let bypass = false;
	let sending = false;

	async function save() {
		clearTimeout(timer);
		if (restoring) return;
		const { fields, photos } = read(form);
		await putDraft({
			userId: opts.userId,
			draftId: opts.draftId,
			fields,
			photos,
			savedAt: Date.now()
		});
	}
	const later = () => {
		clearTimeout(timer);
		timer = setTimeout(save, 250);
	};

	async function onchange(e: Event) {
		const t = e.target;
		if (t instanceof HTMLInputElement && t.type === 'file' && t.files?.length && !restoring) {
			// Picked by the inspector: made smaller before it is kept (setting `files` fires nothing).
			const files = [...t.files];
			const resized = await Promise.all(files.map((f) => resizePhoto(f)));
			if (resized.some((f, i) => f !== files[i])) setFiles(t, resized);
		}
		await save();
	}

	async function onsubmit(e: SubmitEvent) {
		if (bypass) return;
		if (e.target !== form) return;
		const submitter = e.submitter as HTMLElement | null;
		if (!opts.queues(submitter)) {
			if (opts.interceptOn && navigator.onLine) return; // the form's own handler posts it
			e.preventDefault();
			if (!navigator.onLine) {
				await save();
				opts.onstatus({ state: 'saved-locally' });
				return;
			}
			// Saved on the server: the server's copy is the draft from now on.
			await deleteDraft(opts.userId, opts.draftId);
			bypass = true;
			form.requestSubmit(submitter as HTMLButtonElement | null);
			bypass = false;
			return;
		}
		e.preventDefault();
		e.stopPropagation();
		if (sending) return; // a second tap while the first is on its way
		sending = true;
		try {
			await queue(submitter);
		} finally {
			sending = false;
		}
	}

	async function queue(submitter: HTMLElement | null) {
		await save();
		const { fields, photos } = read(form);
		const queuedAt = Date.now();
		await enqueue({
			key: crypto.randomUUID(),
			userId: opts.userId,
			kind: opts.kind,
			draftId: opts.draftId,
			action: opts.action(submitter),
			page: location.pathname,
			label: opts.label,
			fields,
			photos,
			status: 'queued',
			queuedAt
		});
		opts.onstatus(navigator.onLine ? { state: 'sending' } : { state: 'queued', queuedAt });
		if (navigator.onLine) await flush();
	}

	async function onoutbox(e: Event) {
		const o = (e as CustomEvent<Outcome | null>).detail;
		if (!o || o.draftId !== opts.draftId) return;
		if (o.outcome === 'sent') {
			await goto(o.location, { invalidateAll: true });
		} else if (o.outcome === 'refused') {
			// A refusal with the form's own errors is shown by the form, as if it had posted itself.
			if (o.result.type === 'failure') {
				opts.onstatus({ state: 'idle' });
				await applyAction(o.result);
			} else opts.onstatus({ state: 'refused', message: o.message });
		} else {
			const item = (await outbox(opts.userId)).find((i) => i.key === o.key);
			if (item) opts.onstatus({ state: 'queued', queuedAt: item.queuedAt, message: o.message });
		}
	}

	form.addEventListener('input', later);
	form.addEventListener('change', onchange);
	const catcher = initial.interceptOn ?? form;
	catcher.addEventListener('submit', onsubmit, { capture: true });
	window.addEventListener(OUTBOX_EVENT, onoutbox);

	(async () => {
		const d = await getDraft(opts.userId, opts.draftId);
		if (d) {
			restore(form, d);
			opts.onstatus({ state: 'restored', savedAt: d.savedAt });
		}
		const waiting = (await outbox(opts.userId)).find((i) => i.draftId === opts.draftId);
		if (waiting?.status === 'queued')
			opts.onstatus({ state: 'queued', queuedAt: waiting.queuedAt });
		else if (waiting?.status === 'refused')
			opts.onstatus({ state: 'refused', message: waiting.message ?? '提交未被接受' });
		restoring = false;
	})();

	return {
		update(next) {
			opts = next;
		},
		destroy() {
			clearTimeout(timer);
			form.removeEventListener('input', later);
			form.removeEventListener('change', onchange);
			catcher.removeEventListener('submit', onsubmit, { capture: true });
			window.removeEventListener(OUTBOX_EVENT, onoutbox);
		}
	};
};

/** `keepOffline` for a form inside this element that the page does not write itself. */
export const keepOfflineWithin: Action<HTMLElement, Omit<KeepOffline, 'interceptOn'>> = (
	node,
	opts
) => {
	const form = node.querySelector('form');
	if (!form) return;
	return keepOffline(form, { ...opts, interceptOn: node }) ?? undefined;
};
