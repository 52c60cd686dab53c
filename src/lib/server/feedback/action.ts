/**
 * The consumer's two forms — feedback about a merchant (scan page, merchant page) and a report of
 * a forged code (scan page) — read through the form contract: let the sender through the limits
 * before the body is read, parse, store, and answer `fail(status, { values, errors })` or a
 * thank-you. Works as a plain form post, with no JavaScript.
 */
import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import * as forms from '../forms';
import { DomainError } from '../forms';
import * as log from '../ops/log';
import { clientKey } from '../auth/rate-limit';
import * as body from '../ops/body-limit';
import * as feedback from './feedback';
import { deleteImage, storeImage, UploadError } from '../files/uploads';
import { feedbackSchema, forgedReportSchema } from '../../schemas/feedback';

/** The honeypot's name: a field people never see, which form-filling bots fill. */
export const TRAP_FIELD = 'website';

function unreadable(event: RequestEvent) {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (body.exceeded(event.request) || length > body.PUBLIC_BODY_BYTES) {
		log.security('body.too_large', event, { length: length || null });
		return forms.invalid({}, { _: body.message(body.PUBLIC_BODY_BYTES) }, 413);
	}
	return forms.invalid({}, { _: '提交的内容无法读取，请重试' });
}

function clientOf(event: RequestEvent) {
	try {
		return clientKey(event.getClientAddress());
	} catch {
		return 'unknown';
	}
}

/**
 * One consumer form: admit the sender before anything is awaited (a refusal is a 429 before the
 * body is even read), parse with `schema`, drop a bot's post silently, store the photo, then
 * `save`. A post that is not taken gives its count back; a photo of a refused post is deleted.
 */
async function take<S extends typeof feedbackSchema | typeof forgedReportSchema>(
	event: RequestEvent,
	schema: S,
	merchantId: number | null,
	save: (data: z.output<S>, photoKey: string | null) => feedback.Receipt
) {
	const key = clientOf(event);
	try {
		feedback.admit(key, merchantId);
	} catch (e) {
		if (!(e instanceof DomainError)) throw e;
		log.security('feedback.throttled', event, { merchantId });
		return forms.invalid({}, { [e.field || '_']: e.message }, 429);
	}
	const form = await event.request.formData().catch(() => null);
	if (!form) {
		feedback.release(key, merchantId);
		return unreadable(event);
	}
	const read = forms.parse(form, schema);
	if (!read.ok) {
		feedback.release(key, merchantId);
		return read.failure;
	}
	const values = { ...read.values };
	delete values[TRAP_FIELD];
	const sent = { sent: true } as const;
	if (form.get(TRAP_FIELD)) return sent;
	let photoKey: string | null = null;
	let receipt: feedback.Receipt | undefined;
	try {
		const photo = form.get('photo');
		if (photo instanceof File && photo.size > 0) photoKey = await storeImage(photo);
		const failed = await forms.attempt(values, () => {
			receipt = save(read.data as z.output<S>, photoKey);
		});
		if (failed) {
			if (photoKey) await deleteImage(photoKey);
			return failed;
		}
	} catch (e) {
		if (photoKey) await deleteImage(photoKey);
		if (e instanceof UploadError) {
			log.security('upload.refused', event, { reason: e.message });
			return forms.invalid(values, { photo: e.message });
		}
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
