import { redirect } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import * as streets from '$lib/server/streets';
import * as towns from '$lib/server/towns';
import { mapConfig } from '$lib/server/public';
import { readStreetForm, streetFailure } from '$lib/server/streets';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const scope = townScope(u);
	return {
		towns: towns
			.list()
			.filter((t) => !scope || scope.includes(t.id))
			.map((t) => ({ id: t.id, name: t.name })),
		tiles: mapConfig.tileConfig()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const r = await readStreetForm(event.request, u);
		if (r.failure) return r.failure;
		let id: number;
		try {
			id = streets.create(u, r.input).id;
		} catch (e) {
			return streetFailure(e, r.values);
		}
		redirect(303, `/staff/streets/${id}`);
	}
};
