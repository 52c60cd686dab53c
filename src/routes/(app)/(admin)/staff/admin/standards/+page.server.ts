import { fail, redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access';
import { standards } from '$lib/server/streets';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return { standards: standards.list(), kinds: standards.KIND_LABEL };
};

export const actions: Actions = {
	draft: async (event) => {
		const u = requireAdmin(event);
		const kind = String((await event.request.formData()).get('kind'));
		if (kind !== 'merchant' && kind !== 'street') return fail(400, { error: '请选择标准类型' });
		const d = standards.createDraft(u, kind);
		redirect(303, `/staff/admin/standards/${d.id}`);
	}
};
