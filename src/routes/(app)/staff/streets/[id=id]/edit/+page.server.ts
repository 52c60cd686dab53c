import { redirect } from '@sveltejs/kit';
import { requireRole, visibleTowns } from '$lib/server/access';
import * as streets from '$lib/server/streets';
import * as forms from '$lib/server/forms';
import { mapConfig } from '$lib/server/public';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	return {
		street: streets.forUser(u, Number(event.params.id)),
		towns: visibleTowns(u).map((t) => ({ id: t.id, name: t.name })),
		tiles: mapConfig.tileConfig()
	};
};

export const actions: Actions = {
	update: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const street = streets.forUser(u, Number(event.params.id));
		const r = await streets.readStreetForm(event.request, u);
		if (!r.ok) return r.failure;
		const failed = await forms.attempt(r.values, () => {
			streets.update(u, street.id, r.data);
		});
		if (failed) return failed;
		redirect(303, `/staff/streets/${street.id}`);
	}
};
