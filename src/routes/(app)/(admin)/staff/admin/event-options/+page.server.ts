import { fail } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access';
import * as events from '$lib/server/events';
import { optionSchema } from '$lib/schemas/events';
import { fieldErrors } from '$lib/schemas';
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
		const form = await event.request.formData();
		const kind = form.get('kind') === 'form' ? 'form' : 'theme';
		const name = String(form.get('name') ?? '');
		const parsed = optionSchema.safeParse({ name });
		if (!parsed.success)
			return fail(400, { kind, values: { name }, errors: fieldErrors(parsed.error) });
		try {
			events.createOption(actor, kind, parsed.data.name);
		} catch (e) {
			if (e instanceof events.EventError)
				return fail(400, { kind, values: { name }, errors: { name: e.message } });
			throw e;
		}
		return { kind, saved: `已添加「${parsed.data.name}」` };
	},
	update: async (event) => {
		const actor = requireAdmin(event);
		const form = await event.request.formData();
		const id = Number(form.get('id'));
		const name = String(form.get('name') ?? '');
		const parsed = optionSchema.safeParse({ name });
		if (!parsed.success)
			return fail(400, { id, values: { name }, errors: fieldErrors(parsed.error) });
		try {
			events.updateOption(actor, id, { name: parsed.data.name, active: form.has('active') });
		} catch (e) {
			if (e instanceof events.EventError)
				return fail(400, { id, values: { name }, errors: { name: e.message } });
			throw e;
		}
		return { id, saved: `已保存「${parsed.data.name}」` };
	}
};
