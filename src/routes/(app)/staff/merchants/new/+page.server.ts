import { redirect } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import { merchants, readMerchantForm } from '$lib/server/streets';
import * as streets from '$lib/server/streets';
import * as forms from '$lib/server/forms';
import { mapConfig } from '$lib/server/public';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	return {
		streets: streets.options(townScope(u)),
		street: event.url.searchParams.get('street') ?? '',
		tiles: mapConfig.tileConfig()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const r = await readMerchantForm(event.request, u);
		if (!r.ok) return r.failure;
		const id = await forms.attempt(r.values, () => merchants.create(u, r.data).id);
		if (typeof id !== 'number') return id;
		redirect(303, `/staff/merchants/${id}`);
	}
};
