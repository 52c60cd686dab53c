import { redirect } from '@sveltejs/kit';
import { can, requireRole, visibleTowns } from '$lib/server/access';
import * as forms from '$lib/server/forms';
import { enterprises } from '$lib/server/campaign';
import { newEnterpriseSchema } from '$lib/schemas/campaign';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	return { towns: visibleTowns(u) };
};

export const actions: Actions = {
	create: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const form = await forms.read(event.request, newEnterpriseSchema);
		if (!form.ok) return form.failure;
		if (!can(u, 'create', 'enterprise', form.data))
			return forms.invalid(form.values, { townId: '只能登记本街镇的企业' }, 403);
		return forms.attempt(form.values, () => {
			const e = enterprises.create(u, form.data);
			redirect(303, `/staff/campaign/enterprises/${e.id}`);
		});
	}
};
