import * as badges from '$lib/server/badges';
import { requireBadge } from '$lib/server/badges';
import type { RequestHandler } from './$types';

/** The badge's QR as SVG, for print shops (staff only, own towns). */
export const GET: RequestHandler = async (event) => {
	const { user, badge } = requireBadge(event);
	const code = await badges.ensureCode(badge, user);
	return new Response(code.qrSvg, {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'content-disposition': `inline; filename="${badge.serial}.svg"`,
			'cache-control': 'private, no-cache'
		}
	});
};
