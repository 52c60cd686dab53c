import { redirect } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import * as streets from '$lib/server/streets';
import * as towns from '$lib/server/towns';
import { streetFor } from '$lib/server/guards';
import { mapConfig } from '$lib/server/public';
import { readStreetForm, streetFailure } from '$lib/server/streets';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const street = streetFor(u, Number(event.params.id));
	const scope = townScope(u);
	return {
		street,
		towns: towns
			.list()
			.filter((t) => !scope || scope.includes(t.id))
			.map((t) => ({ id: t.id, name: t.name })),
		tiles: mapConfig.tileConfig()
	};
};

export const actions: Actions = {
	update: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const street = streetFor(u, Number(event.params.id));
		const r = await readStreetForm(event.request, u);
		if (r.failure) return r.failure;
		try {
			streets.update(u, street.id, r.input);
		} catch (e) {
			return streetFailure(e, r.values);
		}
		redirect(303, `/staff/streets/${street.id}`);
	}
};
