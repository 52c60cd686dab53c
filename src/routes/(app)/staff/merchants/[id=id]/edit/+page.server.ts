import { redirect } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import { merchants, readMerchantForm } from '$lib/server/streets';
import * as streets from '$lib/server/streets';
import * as forms from '$lib/server/forms';
import { mapConfig } from '$lib/server/public';
import { uploads } from '$lib/server/files';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const d = merchants.forUser(u, Number(event.params.id));
	return {
		merchant: d.merchant,
		photoUrl: uploads.imageUrl(d.merchant.photoKey, true),
		streets: streets.options(townScope(u)),
		tiles: mapConfig.tileConfig()
	};
};

export const actions: Actions = {
	update: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const d = merchants.forUser(u, Number(event.params.id));
		const r = await readMerchantForm(event.request, u);
		if (!r.ok) return r.failure;
		const failed = await forms.attempt(r.values, () => {
			merchants.update(u, d.merchant.id, r.data);
		});
		if (failed) return failed;
		redirect(303, `/staff/merchants/${d.merchant.id}`);
	}
};
