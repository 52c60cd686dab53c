import { redirect } from '@sveltejs/kit';
import { requireRole, townScope, canAccessTown } from '$lib/server/access';
import { enterprises } from '$lib/server/campaign';
import * as towns from '$lib/server/towns';
import { newEnterpriseSchema } from '$lib/schemas/campaign';
import { fieldErrors, formValues } from '$lib/schemas';
import { invalid } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const scope = townScope(u);
	return { towns: towns.list().filter((t) => !scope || scope.includes(t.id)) };
};

export const actions: Actions = {
	create: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const values = formValues(await event.request.formData());
		const parsed = newEnterpriseSchema.safeParse(values);
		if (!parsed.success) return invalid(values, fieldErrors(parsed.error));
		if (!canAccessTown(u, parsed.data.townId))
			return invalid(values, { townId: '只能登记本街镇的企业' });
		const existing = enterprises.byUscc(parsed.data.uscc);
		if (existing)
			return invalid(values, {
				uscc: `该统一社会信用代码已登记为「${existing.name}」（${towns.byId(existing.townId)?.name ?? ''}）`
			});
		const e = enterprises.create(u, parsed.data);
		redirect(303, `/staff/campaign/enterprises/${e.id}`);
	}
};
