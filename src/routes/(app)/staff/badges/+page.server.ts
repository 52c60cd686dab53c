import * as badges from '$lib/server/badges';
import * as feedback from '$lib/server/feedback';
import { requireRole, townScope } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer', 'inspector');
	const scope = townScope(u);
	return {
		streets: badges.streetsForPrinting(scope),
		flagged: badges.flaggedScans(scope).length,
		counts: u.role === 'inspector' ? null : feedback.counts(scope)
	};
};
