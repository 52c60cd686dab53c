/**
 * Reading a form, one way for every action: a zod schema from `$lib/schemas` parses the fields,
 * and any failure — of the schema or of a domain rule — answers `fail(status, { values, errors })`,
 * always those two keys, so the page shows each message beside its field and keeps what was typed.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';

/** What the user typed, sent back on failure: one string per field, a list for repeated fields. */
export type Values = Record<string, string | string[]>;
/** The older shape of some forms' values; new forms use `Values`. */
export type FormValues = Record<string, string> & { townIds?: number[] };
export type FormErrors = Record<string, string>;
export type FormFailure = ActionFailure<{ values: Values; errors: FormErrors }>;

/**
 * A rule of the domain that the input breaks. `field` names the form field the message belongs
 * beside ('_' for the form as a whole). Thrown by domain functions; the CLI and imports print the
 * message, actions map it with `attempt`.
 */
export class DomainError extends Error {
	constructor(
		public field: string,
		message: string
	) {
		super(message);
		this.name = 'DomainError';
	}
}

/** Never sent back to the browser. */
const SECRET_FIELDS = ['password', 'newPassword', 'currentPassword', 'confirmPassword'];

/** A rejected form: the user's input goes back with a Chinese message per field. */
export function invalid<V extends object = Values>(
	values: V,
	errors: FormErrors,
	status = 400
): ActionFailure<{ values: V; errors: FormErrors }> {
	return fail(status, { values, errors });
}

/** First message per field of a zod error. */
export function fieldErrors(error: z.ZodError): FormErrors {
	const out: FormErrors = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? '_');
		out[key] ??= issue.message;
	}
	return out;
}

/**
 * The form as an object for the schema: a field sent once is a string, a field sent more than once
 * or named in `lists` an array; files stay `File`s. `values` is the same without files and secrets.
 */
export function fieldsOf(form: FormData, lists: string[] = []) {
	const input: Record<string, unknown> = {};
	const values: Values = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key);
		const strings = all.filter((v): v is string => typeof v === 'string');
		const many = lists.includes(key) || all.length > 1;
		input[key] = many ? all : all[0];
		if (SECRET_FIELDS.includes(key) || strings.length === 0) continue;
		values[key] = many ? strings : strings[0];
	}
	for (const key of lists) {
		input[key] ??= [];
		values[key] ??= [];
	}
	return { input, values };
}

export type Parsed<T> =
	| { ok: true; data: T; values: Values; form: FormData }
	| { ok: false; failure: FormFailure; values: Values; form: FormData };

/** Parses a request's form with `schema`. */
export async function read<S extends z.ZodType>(
	request: Request,
	schema: S,
	opts: { lists?: string[] } = {}
): Promise<Parsed<z.output<S>>> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		form = new FormData();
		return {
			ok: false,
			failure: invalid({}, { _: '表单内容无法读取，请刷新页面后重试' }),
			values: {},
			form
		};
	}
	return parse(form, schema, opts);
}

/** The same, for a form already read (an action that also takes a file, say). */
export function parse<S extends z.ZodType>(
	form: FormData,
	schema: S,
	opts: { lists?: string[] } = {}
): Parsed<z.output<S>> {
	const { input, values } = fieldsOf(form, opts.lists);
	const parsed = schema.safeParse(input);
	if (!parsed.success)
		return { ok: false, failure: invalid(values, fieldErrors(parsed.error)), values, form };
	return { ok: true, data: parsed.data, values, form };
}

/**
 * Runs a domain call for an action. A `DomainError` becomes `fail(400, { values, errors })`;
 * anything else (a redirect, a 403, a real fault) is thrown on.
 */
export async function attempt<T>(
	values: Values,
	run: () => T | Promise<T>
): Promise<T | FormFailure> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof DomainError) return invalid(values, { [e.field || '_']: e.message });
		throw e;
	}
}
