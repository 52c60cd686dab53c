import { requireAdmin } from '$lib/server/access';
import * as events from '$lib/server/events';
import * as forms from '$lib/server/forms';
import { optionCreateSchema, optionUpdateSchema } from '$lib/schemas/events';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return {
		themes: events.options('theme', { includeInactive: true }),
		forms: events.options('form', { includeInactive: true })
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireAdmin(event);
		const read = await forms.read(event.request, optionCreateSchema);
		if (!read.ok) return read.failure;
		const { kind, name } = read.data;
		const failed = await forms.attempt(read.values, () => {
			events.createOption(actor, kind, name);
		});
		return failed ?? { saved: `已添加「${name}」` };
	},
	update: async (event) => {
		const actor = requireAdmin(event);
		const read = await forms.read(event.request, optionUpdateSchema);
		if (!read.ok) return read.failure;
		const { id, name, active } = read.data;
		const failed = await forms.attempt(read.values, () => {
			events.updateOption(actor, id, { name, active });
		});
		return failed ?? { saved: `已保存「${name}」` };
	}
};
