import { requireRole, visibleTowns } from '$lib/server/access';
import * as stories from '$lib/server/stories';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	return {
		list: stories.readStaffList(event.url, u),
		towns: visibleTowns(u).map((t) => ({ slug: t.slug, name: t.name }))
	};
};
