import type { z } from 'zod';

/** First message per field, for `fail(400, { values, errors })`. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? '_');
		out[key] ??= issue.message;
	}
	return out;
}

/** Form fields as plain strings (files and repeated keys left out), to send back on failure. */
export function formValues(form: FormData, omit: string[] = ['password']): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string' && !omit.includes(k)) out[k] ??= v;
	return out;
}
