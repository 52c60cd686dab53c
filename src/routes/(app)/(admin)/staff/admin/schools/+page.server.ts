import { error } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access';
import * as youth from '$lib/server/youth';
import * as towns from '$lib/server/towns';
import * as forms from '$lib/server/forms';
import * as query from '$lib/server/query';
import { schoolEditSchema, schoolFormSchema, schoolIdSchema } from '$lib/schemas/youth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const p = query.params(event.url, { town: query.town, edit: query.id });
	const editing = p.edit ? youth.schoolById(p.edit) : undefined;
	if (p.edit && !editing) error(404, '学校不存在');
	return {
		schools: youth.register(p.town?.id),
		towns: towns.list().map((t) => ({ id: t.id, slug: t.slug, name: t.name })),
		town: p.town?.slug ?? '',
		editing: editing ?? null
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireAdmin(event);
		const f = await forms.read(event.request, schoolFormSchema);
		if (!f.ok) return f.failure;
		return forms.attempt(f.values, () => {
			youth.createSchool(actor, f.data);
			return { message: `已添加 ${f.data.name}` };
		});
	},
	update: async (event) => {
		const actor = requireAdmin(event);
		const f = await forms.read(event.request, schoolEditSchema);
		if (!f.ok) return f.failure;
		const { id, ...input } = f.data;
		return forms.attempt(f.values, () => {
			youth.updateSchool(actor, id, input);
			return { message: `已保存 ${input.name}` };
		});
	},
	retire: async (event) => {
		const actor = requireAdmin(event);
		const f = await forms.read(event.request, schoolIdSchema);
		if (!f.ok) return f.failure;
		return forms.attempt(f.values, () => {
			const s = youth.setSchoolActive(actor, f.data.id, false);
			return { message: `${s.name} 已停用，不再出现在活动的学校选择中` };
		});
	},
	restore: async (event) => {
		const actor = requireAdmin(event);
		const f = await forms.read(event.request, schoolIdSchema);
		if (!f.ok) return f.failure;
		return forms.attempt(f.values, () => {
			const s = youth.setSchoolActive(actor, f.data.id, true);
			return { message: `${s.name} 已恢复启用` };
		});
	}
};
