import { fail } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access';
import * as towns from '$lib/server/towns';
import { newTownSchema, townSchema } from '$lib/schemas/towns';
import { fieldErrors, formValues } from '$lib/schemas';
import { invalid } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return { towns: towns.list({ includeInactive: true }) };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireAdmin(event);
		const form = await event.request.formData();
		const values = formValues(form);
		const parsed = newTownSchema.safeParse(values);
		if (!parsed.success) return invalid(values, fieldErrors(parsed.error));
		if (towns.bySlug(parsed.data.slug)) return invalid(values, { slug: '这个网址标识已被使用' });
		if (towns.byName(parsed.data.name)) return invalid(values, { name: '已有同名的街镇园区' });
		towns.create(actor, parsed.data);
		return { message: `已添加 ${parsed.data.name}` };
	},
	update: async (event) => {
		const actor = requireAdmin(event);
		const form = await event.request.formData();
		const id = Number(form.get('id'));
		const current = towns.byId(id);
		if (!current) return fail(404, { message: '街镇不存在' });
		const parsed = townSchema.safeParse(formValues(form));
		if (!parsed.success) return fail(400, { editId: id, message: parsed.error.issues[0].message });
		const clash = towns.byName(parsed.data.name);
		if (clash && clash.id !== id) return fail(400, { editId: id, message: '已有同名的街镇园区' });
		towns.update(actor, id, { ...parsed.data, active: form.get('active') === 'on' });
		return { message: `已保存 ${parsed.data.name}` };
	}
};
