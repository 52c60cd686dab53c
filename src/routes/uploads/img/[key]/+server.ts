import { error } from '@sveltejs/kit';
import { uploads } from '$lib/server/files';
import * as images from '$lib/server/files/image-access';
import type { RequestHandler } from './$types';

/**
 * Stored images under one URL. Storefront photos and public events' photos are public; feedback
 * photos, inspection evidence and other staff images need a signed-in user of the record's town
 * and are cached only by that user's browser.
 */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!uploads.isKey(params.key)) error(404, '图片不存在');
	const access = images.accessOf(params.key, locals.user);
	if (access.kind === 'unknown') error(404, '图片不存在');
	if (access.kind === 'staff' && !images.mayRead(locals.user!, access.holders))
		error(403, '您只能查看本街镇记录的图片');
	const bytes = await uploads.readImage(params.key);
	if (!bytes) error(404, '图片不存在');
	const cache =
		access.kind === 'staff'
			? 'private, max-age=600'
			: access.immutable
				? 'public, max-age=31536000, immutable'
				: 'public, max-age=600';
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'image/jpeg',
			'cache-control': cache,
			'x-content-type-options': 'nosniff'
		}
	});
};
