import { redirect } from '@sveltejs/kit';
import * as forms from '$lib/server/forms';
import { requireAdmin } from '$lib/server/access';
import { standards } from '$lib/server/streets';
import { standardDraftSchema } from '$lib/schemas/streets';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return { standards: standards.list() };
};

export const actions: Actions = {
	draft: async (event) => {
		const u = requireAdmin(event);
		const r = await forms.read(event.request, standardDraftSchema);
		if (!r.ok) return r.failure;
		const d = standards.createDraft(u, r.data.kind);
		redirect(303, `/staff/admin/standards/${d.id}`);
	}
};
