/**
 * Calling a route's real load, action or endpoint in a test, as SvelteKit would, and reading the
 * answer as the browser would see it: a status, and where a redirect goes.
 */
import { isHttpError, isRedirect, type ActionFailure } from '@sveltejs/kit';
import type { SessionUser } from '../auth/session';

export type Answer = {
	status: number;
	location?: string;
	body?: unknown;
};

/** A request event for `path` by `user` (null: signed out), with a form when `form` is given. */
export function requestEvent(
	user: SessionUser | null,
	path: string,
	params: Record<string, string> = {},
	form?: Record<string, string | string[]>
) {
	const url = new URL(`http://localhost${path}`);
	let request = new Request(url);
	if (form) {
		const body = new FormData();
		for (const [k, v] of Object.entries(form))
			for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
		request = new Request(url, { method: 'POST', body });
	}
	return {
		locals: { user, session: null },
		params,
		url,
		request,
		route: { id: path },
		getClientAddress: () => '127.0.0.1',
		cookies: { get: () => undefined, set: () => {}, delete: () => {}, getAll: () => [] },
		setHeaders: () => {},
		fetch: globalThis.fetch,
		depends: () => {},
		parent: async () => ({}),
		untrack: <T>(fn: () => T) => fn(),
		isDataRequest: false,
		isSubRequest: false,
		platform: undefined
	} as never;
}

function isFailure(x: unknown): x is ActionFailure<unknown> {
	return (
		x != null &&
		typeof x === 'object' &&
		'status' in x &&
		'data' in x &&
		x.constructor?.name === 'ActionFailure'
	);
}

/** Runs a handler and turns what it returned or threw into an `Answer`. */
export async function answer(run: () => unknown): Promise<Answer> {
	try {
		const out = await run();
		if (out instanceof Response) {
			// read to the end, as a browser would: a streamed body lets go of what it holds
			await out.arrayBuffer();
			return { status: out.status };
		}
		if (isFailure(out)) return { status: out.status, body: out.data };
		return { status: 200, body: out };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location };
		if (isHttpError(e)) return { status: e.status, body: e.body };
		throw e;
	}
}

/** Whether an answer let the request through (a redirect to the login page does not). */
export function allowed(a: Answer): boolean {
	if (a.status === 403 || a.status === 404 || a.status === 401) return false;
	if (a.location?.startsWith('/login')) return false;
	return true;
}
