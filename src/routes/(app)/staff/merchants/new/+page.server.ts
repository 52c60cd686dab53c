import { redirect } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import { merchants, merchantFailure, readMerchantForm } from '$lib/server/streets';
import * as streets from '$lib/server/streets';
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
		if (r.failure) return r.failure;
		let id: number;
		try {
			id = merchants.create(u, r.input).id;
		} catch (e) {
			return merchantFailure(e, r.values);
		}
		redirect(303, `/staff/merchants/${id}`);
	}
};
