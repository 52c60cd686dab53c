import { redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access';
import * as forms from '$lib/server/forms';
import { uploads } from '$lib/server/files';
import { appeals } from '$lib/server/portal';
import { appealDecisionSchema } from '$lib/schemas/portal';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireAdmin(event);
	return {
		items: appeals.waiting().map((a) => {
			const full = appeals.byId(a.id)!;
			return {
				...a,
				evidence: full.appeal.evidenceKeys.map((k) => uploads.imageUrl(k)!),
				ownFinding: a.entryBy === u.id
			};
		})
	};
};

export const actions: Actions = {
	decide: async (event) => {
		const u = requireAdmin(event);
		const r = await forms.read(event.request, appealDecisionSchema);
		if (!r.ok) return r.failure;
		const failed = await forms.attempt(r.values, () => {
			appeals.decide(u, Number(r.values.id), r.data);
		});
		if (failed) return failed;
		redirect(303, `/staff/admin/appeals?done=${r.data.decision}`);
	}
};
