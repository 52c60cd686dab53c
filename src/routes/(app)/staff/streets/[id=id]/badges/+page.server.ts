import { error } from '@sveltejs/kit';
import * as badges from '$lib/server/badges';
import { requireRole, requireTown } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer', 'inspector');
	const s = badges.streetCard(Number(event.params.id));
	if (!s) error(404, '示范街不存在');
	requireTown(u, s.s.townId);
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
