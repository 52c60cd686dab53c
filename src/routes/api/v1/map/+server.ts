import { mapData, openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/**
 * Everything the public map draws, in one request. Revalidated on every use (no-cache) so a
 * changed rating shows at once, while an unchanged map answers 304 with no body — decided on
 * the content version alone, before any map data is touched.
 */
export const GET: RequestHandler = openData.api(({ request }) => {
	const headers: Record<string, string> = {
		'cache-control': 'public, no-cache',
		vary: 'accept-encoding',
		'access-control-allow-origin': '*'
	};
	if (request.headers.has('if-none-match')) {
		const etag = mapData.etag();
		if (openData.matches(request, etag))
			return new Response(null, { status: 304, headers: { ...headers, etag } });
	}
	const data = mapData.current();
	headers.etag = data.etag;
	headers['content-type'] = 'application/json; charset=utf-8';
	if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? ''))
		return new Response(new Uint8Array(data.gzip), {
			headers: { ...headers, 'content-encoding': 'gzip' }
		});
	return new Response(new Uint8Array(data.json), { headers });
});
