import { redirect } from '@sveltejs/kit';
import { requireRole, townScope, visibleTowns } from '$lib/server/access';
import * as stories from '$lib/server/stories';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const scope = townScope(u);
	return {
		towns: visibleTowns(u).map((t) => ({ id: t.id, name: t.name })),
		values: { townId: scope?.length === 1 ? String(scope[0]) : '', subjectKind: 'person' }
	};
};

export const actions: Actions = {
	create: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const saved = await stories.saveStaff(event.request, u);
		if (!saved.ok) return saved.failure;
		redirect(303, `/staff/stories/${saved.id}?saved=1`);
	}
};
