import * as badges from '$lib/server/badges';
import { loadFor, requireUser } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	const s = loadFor(
		u,
		'view',
		'badge',
		badges.streetCard(Number(event.params.id)),
		(c) => c.s.townId,
		'示范街不存在'
	);
	return {
		street: { id: s.s.id, name: s.s.name, townName: s.townName },
		merchants: badges.streetMerchants(s.s.id).map((m) => ({
			...m,
			state:
				m.state && m.validUntil
					? badges.stateToday({ state: m.state, validUntil: m.validUntil })
					: null
		}))
	};
};
