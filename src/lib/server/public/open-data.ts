/** Open-data responses: JSON, cacheable for a few minutes, errors as `{ "error": "…" }`. */
import { isHttpError, json, type RequestEvent } from '@sveltejs/kit';

const CACHE = 'public, max-age=300, stale-while-revalidate=600';

export function ok(body: unknown) {
	return json(body, {
		headers: { 'cache-control': CACHE, 'access-control-allow-origin': '*' }
	});
}

function apiError(status: number, message: string) {
	return json(
		{ error: message },
		{ status, headers: { 'cache-control': 'no-store', 'access-control-allow-origin': '*' } }
	);
}

/**
 * Every `/api/v1` handler is wrapped in this: a 4xx thrown inside it — a bad list parameter from
 * `query.list`, a missing record's `error(404)` — answers `{ "error": "…" }` with that status, so
 * no bad parameter ever yields an HTML error page or a 500.
 */
export function api<E extends RequestEvent>(
	handler: (event: E) => Response | Promise<Response>
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (e) {
			if (isHttpError(e) && e.status < 500) return apiError(e.status, e.body.message);
			throw e;
		}
	};
}
