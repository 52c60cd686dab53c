import { requireAdmin } from '$lib/server/access';
import * as plan from '$lib/server/plan';
import * as forms from '$lib/server/forms';
import { departmentRowSchema, departmentSchema } from '$lib/schemas/plan';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return { departments: plan.departments.list({ includeInactive: true }) };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireAdmin(event);
		const f = await forms.read(event.request, departmentSchema);
		if (!f.ok) return f.failure;
		return forms.attempt(f.values, () => {
			plan.departments.create(actor, f.data);
			return { message: `已添加 ${f.data.name}` };
		});
	},
	update: async (event) => {
		const actor = requireAdmin(event);
		const f = await forms.read(event.request, departmentRowSchema);
		if (!f.ok) return f.failure;
		const { id, ...input } = f.data;
		return forms.attempt(f.values, () => {
			plan.departments.update(actor, id, input);
			return { message: `已保存 ${input.name}` };
		});
	}
};
