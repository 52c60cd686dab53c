import * as badges from '$lib/server/badges';
import { loadInScope, requireRole } from '$lib/server/access';
import type { PageServerLoad } from './$types';

/** A document to print: no client-side app, so 200 QR codes are not sent twice for hydration. */
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer', 'inspector');
	const m = loadInScope(
		u,
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
