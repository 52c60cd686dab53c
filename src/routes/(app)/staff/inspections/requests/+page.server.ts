import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access';
import * as forms from '$lib/server/forms';
import { reinspections } from '$lib/server/portal';
import { closeRequestSchema } from '$lib/schemas/portal';
import type { Actions, PageServerLoad } from './$types';

const STAFF = ['district_admin', 'town_officer', 'inspector'] as const;

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, ...STAFF);
	return { items: reinspections.open(u) };
};

export const actions: Actions = {
	close: async (event) => {
		const u = requireRole(event, ...STAFF);
		const r = await forms.read(event.request, closeRequestSchema);
		if (!r.ok) return r.failure;
		const failed = await forms.attempt(r.values, () => {
			reinspections.close(u, Number(r.values.id), r.data.note);
		});
		if (failed) return failed;
		redirect(303, '/staff/inspections/requests?done=1');
	}
};
