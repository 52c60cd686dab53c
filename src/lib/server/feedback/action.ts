/**
 * The consumer's feedback form, shared by the scan page and the merchant page: parse, check the
 * limits before any photo is stored, store, and answer with `fail` or a thank-you. Works as a
 * plain form post, with no JavaScript.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import * as feedback from './feedback';
import { storeImage, UploadError } from '../files/uploads';
import { feedbackSchema, forgedReportSchema } from '../../schemas/feedback';
import { fieldErrors, formValues } from '../../schemas';

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

function unreadable(event: RequestEvent, form: 'feedback' | 'report') {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	const limit = bodyLimit();
	const message =
		length > limit
			? `照片太大，无法提交（整份反馈不能超过 ${Math.floor(limit / 1024)} KB）。请换一张小一些的照片，或不附照片再提交。`
			: '提交的内容无法读取，请重试';
	return fail(length > limit ? 413 : 400, { form, message });
}

function clientKey(event: RequestEvent) {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

async function photoOf(form: FormData): Promise<string | null> {
	const photo = form.get('photo');
	if (!(photo instanceof File) || photo.size === 0) return null;
	return storeImage(photo);
}

export async function submitFeedback(
	event: RequestEvent,
	target: { merchantId: number; badgeId?: number | null; source: 'scan' | 'merchant_page' }
) {
	const form = await event.request.formData().catch(() => null);
	if (!form) return unreadable(event, 'feedback');
	const values = formValues(form, [TRAP_FIELD]);
	const parsed = feedbackSchema.safeParse(values);
	if (!parsed.success)
		return fail(400, { form: 'feedback', values, errors: fieldErrors(parsed.error) });
	const key = clientKey(event);
	const trap = String(form.get(TRAP_FIELD) ?? '');
	if (trap) return { form: 'feedback', sent: true };
	const refused = feedback.refusal(key, target.merchantId);
	if (refused) return fail(429, { form: 'feedback', values, message: refused });
	try {
		const photoKey = await photoOf(form);
		feedback.submit(key, { ...target, ...parsed.data, photoKey });
	} catch (e) {
		if (e instanceof UploadError)
			return fail(400, {
				form: 'feedback',
				values,
				errors: { photo: e.message } as Record<string, string>
			});
		if (e instanceof feedback.FeedbackError)
			return fail(429, { form: 'feedback', values, message: e.message });
		throw e;
	}
	return { form: 'feedback', sent: true };
}

export async function reportForged(event: RequestEvent, code: string) {
	const form = await event.request.formData().catch(() => null);
	if (!form) return unreadable(event, 'report');
	const values = formValues(form, [TRAP_FIELD]);
	const parsed = forgedReportSchema.safeParse(values);
	if (!parsed.success)
		return fail(400, { form: 'report', values, errors: fieldErrors(parsed.error) });
	const key = clientKey(event);
	if (form.get(TRAP_FIELD)) return { form: 'report', sent: true };
	const refused = feedback.refusal(key, null);
	if (refused) return fail(429, { form: 'report', values, message: refused });
	try {
		const photoKey = await photoOf(form);
		feedback.reportForged(key, { code, ...parsed.data, photoKey });
	} catch (e) {
		if (e instanceof UploadError)
			return fail(400, {
				form: 'report',
				values,
				errors: { photo: e.message } as Record<string, string>
			});
		if (e instanceof feedback.FeedbackError)
			return fail(429, { form: 'report', values, message: e.message });
		throw e;
	}
	return { form: 'report', sent: true };
}
