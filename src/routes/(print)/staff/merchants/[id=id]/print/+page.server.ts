import * as badges from '$lib/server/badges';
import { loadFor, requireUser } from '$lib/server/access';
import type { PageServerLoad } from './$types';

/** A document to print: no client-side app, so 200 QR codes are not sent twice for hydration. */
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const u = requireUser(event);
	const m = loadFor(
		u,
		'print',
		'badge',
		badges.merchantCard(Number(event.params.id)),
		(c) => c.m.townId,
		'商户不存在'
	);
	const { plaques, skipped } = await badges.merchantPlaques(m.m.id, u);
	return {
		title: m.m.name,
		back: `/staff/merchants/${m.m.id}/badge`,
		plaques,
		skipped,
		warning: badges.printWarning()
	};
};
