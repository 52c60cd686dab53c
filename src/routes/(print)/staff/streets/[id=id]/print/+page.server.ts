import * as badges from '$lib/server/badges';
import { loadFor, requireUser } from '$lib/server/access';
import type { PageServerLoad } from './$types';

/** A document to print: no client-side app, so 200 QR codes are not sent twice for hydration. */
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const u = requireUser(event);
	const s = loadFor(
		u,
		'print',
		'badge',
		badges.streetCard(Number(event.params.id)),
		(c) => c.s.townId,
		'示范街不存在'
	);
	const { plaques, skipped } = await badges.streetPlaques(s.s.id, u);
	return {
		title: `${s.s.name}（${s.townName}）`,
		back: `/staff/streets/${s.s.id}/badges`,
		plaques,
		skipped,
		warning: badges.printWarning()
	};
};
