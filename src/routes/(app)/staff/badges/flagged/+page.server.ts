import * as badges from '$lib/server/badges';
import { requireRole, townScope } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer', 'inspector');
	return {
		items: badges.flaggedScans(townScope(u)).map((i) => ({
			...i,
			state: badges.stateToday(i)
		}))
	};
};
