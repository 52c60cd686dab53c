import { fail } from '@sveltejs/kit';

export type FormValues = Record<string, string> & { townIds?: number[] };

/** A rejected form: the user's input goes back with a Chinese message per field. */
export function invalid(values: FormValues, errors: Record<string, string>, status = 400) {
	return fail(status, { values, errors });
}
