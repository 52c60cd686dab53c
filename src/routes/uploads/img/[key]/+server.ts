import { error } from '@sveltejs/kit';
import { uploads } from '$lib/server/files';
import type { RequestHandler } from './$types';

/** Stored images are public (storefronts, event photos) and never change under a key. */
export const GET: RequestHandler = async ({ params }) => {
	const bytes = await uploads.readImage(params.key);
	if (!bytes) error(404, '图片不存在');
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'image/jpeg',
			'cache-control': 'public, max-age=31536000, immutable',
			'x-content-type-options': 'nosniff'
		}
	});
};
