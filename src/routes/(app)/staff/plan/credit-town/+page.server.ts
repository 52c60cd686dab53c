import { redirect } from '@sveltejs/kit';
import { requireCan } from '$lib/server/access';
import * as creditTowns from '$lib/server/credit-towns';
import * as forms from '$lib/server/forms';
import { startSchema } from '$lib/schemas/credit-towns';
import type { Actions, PageServerLoad } from './$types';

/** The town officer's credit-town creation: each of its towns' application and history. */
export const load: PageServerLoad = (event) => {
	const u = requireCan(event, 'view', 'credit_town');
	if (u.role === 'district_admin') redirect(303, '/staff/admin/credit-towns');
	return { towns: creditTowns.forTowns(u.townIds) };
};

export const actions: Actions = {
	start: async (event) => {
		const u = requireCan(event, 'apply', 'credit_town');
		const f = await forms.read(event.request, startSchema);
		if (!f.ok) return f.failure;
		let id = 0;
		const failed = await forms.attempt(f.values, () => {
			id = creditTowns.start(u, f.data.townId).id;
		});
		if (failed) return failed;
		redirect(303, `/staff/plan/credit-town/${id}`);
	}
};
