import { requireAdmin } from '$lib/server/access';
import * as towns from '$lib/server/towns';
import * as forms from '$lib/server/forms';
import { newTownSchema, townRowSchema } from '$lib/schemas/towns';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return { towns: towns.list({ includeInactive: true }) };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireAdmin(event);
		const f = await forms.read(event.request, newTownSchema);
		if (!f.ok) return f.failure;
		return forms.attempt(f.values, () => {
			towns.create(actor, f.data);
			return { message: `已添加 ${f.data.name}` };
		});
	},
	update: async (event) => {
		const actor = requireAdmin(event);
		const f = await forms.read(event.request, townRowSchema);
		if (!f.ok) return f.failure;
		const { id, ...input } = f.data;
		return forms.attempt(f.values, () => {
			towns.update(actor, id, input);
			return { message: `已保存 ${input.name}` };
		});
	}
};
