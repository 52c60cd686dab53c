import { mapData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/**
 * Everything the public map draws, in one request. Revalidated on every use (no-cache) so a
 * changed rating shows at once, while an unchanged map answers 304 with no body.
 */
export const GET: RequestHandler = ({ request }) => {
	const data = mapData.current();
	const headers: Record<string, string> = {
		etag: data.etag,
		'cache-control': 'public, no-cache',
		vary: 'accept-encoding'
	};
	const match = request.headers.get('if-none-match');
	if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === data.etag))
		return new Response(null, { status: 304, headers });
	headers['content-type'] = 'application/json; charset=utf-8';
	if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? ''))
		return new Response(new Uint8Array(data.gzip), {
			headers: { ...headers, 'content-encoding': 'gzip' }
		});
	return new Response(new Uint8Array(data.json), { headers });
};
