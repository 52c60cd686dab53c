import { redirect } from '@sveltejs/kit';
import { requireRole, visibleTowns } from '$lib/server/access';
import * as streets from '$lib/server/streets';
import * as forms from '$lib/server/forms';
import { mapConfig } from '$lib/server/public';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	return {
		towns: visibleTowns(u).map((t) => ({ id: t.id, name: t.name })),
		tiles: mapConfig.tileConfig()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const r = await streets.readStreetForm(event.request, u);
		if (!r.ok) return r.failure;
		const id = await forms.attempt(r.values, () => streets.create(u, r.data).id);
		if (typeof id !== 'number') return id;
		redirect(303, `/staff/streets/${id}`);
	}
};
