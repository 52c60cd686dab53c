import * as badges from '$lib/server/badges';
import { requireBadge } from '$lib/server/badges';
import type { RequestHandler } from './$types';

/** The badge's QR as drawn when its code was issued (staff only, own towns). */
export const GET: RequestHandler = async (event) => {
	const { user, badge } = requireBadge(event);
	const code = await badges.ensureCode(badge, user);
	return new Response(new Uint8Array(code.qrPng), {
		headers: {
			'content-type': 'image/png',
			'content-disposition': `inline; filename="${badge.serial}.png"`,
			'cache-control': 'private, no-cache'
		}
	});
};
