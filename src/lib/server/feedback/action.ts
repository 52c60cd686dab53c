/**
 * The consumer's two forms — feedback about a merchant (scan page, merchant page) and a report of
 * a forged code (scan page) — read through the form contract: parse, let the sender through the
 * limits before any photo is stored, store, and answer `fail(status, { values, errors })` or a
 * thank-you. Works as a plain form post, with no JavaScript.
 */
import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import * as forms from '../forms';
import * as feedback from './feedback';
import { storeImage, UploadError } from '../files/uploads';
import { feedbackSchema, forgedReportSchema } from '../../schemas/feedback';

/** The honeypot's name: a field people never see, which form-filling bots fill. */
export const TRAP_FIELD = 'website';

/** adapter-node's BODY_SIZE_LIMIT (default 512K), to say why a large upload was cut off. */
function bodyLimit(): number {
	const raw = (process.env.BODY_SIZE_LIMIT ?? '512K').trim().toUpperCase();
	if (raw === 'INFINITY') return Infinity;
	const m = /^(\d+)([KMG]?)$/.exec(raw);
	if (!m) return 512 * 1024;
	return Number(m[1]) * ({ '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 } as const)[m[2] as '' | 'K'];
}

function unreadable(event: RequestEvent) {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	const limit = bodyLimit();
	if (length > limit)
		return forms.invalid(
			{},
			{
				_: `照片太大，无法提交（整份反馈不能超过 ${Math.floor(limit / 1024)} KB）。请换一张小一些的照片，或不附照片再提交。`
			},
			413
		);
	return forms.invalid({}, { _: '提交的内容无法读取，请重试' });
}

function clientKey(event: RequestEvent) {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/**
 * One consumer form: parse with `schema`, drop a bot's post silently, admit the sender (a refusal
 * is a 429 before the photo is stored), store the photo, then `save`.
 */
async function take<S extends typeof feedbackSchema | typeof forgedReportSchema>(
	event: RequestEvent,
	schema: S,
	merchantId: number | null,
	save: (data: z.output<S>, photoKey: string | null) => feedback.Receipt
) {
	const form = await event.request.formData().catch(() => null);
	if (!form) return unreadable(event);
	const read = forms.parse(form, schema);
	if (!read.ok) return read.failure;
	const values = { ...read.values };
	delete values[TRAP_FIELD];
	const sent = { sent: true } as const;
	if (form.get(TRAP_FIELD)) return sent;
	const key = clientKey(event);
	const refused = await forms.attempt(values, () => feedback.admit(key, merchantId));
	if (refused) return forms.invalid(values, refused.data.errors, 429);
	let receipt: feedback.Receipt | undefined;
	try {
		const photo = form.get('photo');
		const photoKey = photo instanceof File && photo.size > 0 ? await storeImage(photo) : null;
		const failed = await forms.attempt(values, () => {
			receipt = save(read.data as z.output<S>, photoKey);
		});
		if (failed) return failed;
	} catch (e) {
		if (e instanceof UploadError) return forms.invalid(values, { photo: e.message });
		throw e;
	}
	// The receipt's link is the consumer's only way back: shown once, never stored in clear.
	return { sent: true as const, receipt };
}

export function submitFeedback(
	event: RequestEvent,
	target: { merchantId: number; badgeId?: number | null; source: 'scan' | 'merchant_page' }
) {
	return take(event, feedbackSchema, target.merchantId, (data, photoKey) => {
		return feedback.record({ ...target, ...data, photoKey }).receipt;
	});
}

export function reportForged(event: RequestEvent, code: string) {
	return take(event, forgedReportSchema, null, (data, photoKey) => {
		return feedback.recordForged({ code, ...data, photoKey }).receipt;
	});
}
