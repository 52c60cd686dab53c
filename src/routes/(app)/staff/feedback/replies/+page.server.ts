import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access';
import * as forms from '$lib/server/forms';
import { replies } from '$lib/server/portal';
import { moderateSchema } from '$lib/schemas/portal';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	return { items: replies.waiting(u) };
};

export const actions: Actions = {
	moderate: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const r = await forms.read(event.request, moderateSchema);
		if (!r.ok) return r.failure;
		const id = Number(r.values.id);
		const failed = await forms.attempt(r.values, () => {
			replies.moderate(u, id, { approve: r.data.decision === 'approve', reason: r.data.reason });
		});
		if (failed) return failed;
		redirect(303, `/staff/feedback/replies?done=${r.data.decision}`);
	}
};
