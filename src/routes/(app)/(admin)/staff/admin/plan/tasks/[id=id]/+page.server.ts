import { error, redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access';
import * as plan from '$lib/server/plan';
import * as forms from '$lib/server/forms';
import { taskSchema } from '$lib/schemas/plan';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const t = plan.tasks.byId(Number(event.params.id));
	if (!t) error(404, '该任务不存在');
	return {
		task: {
			id: t.id,
			year: t.year,
			row: t.row,
			title: t.title,
			text: t.text,
			workPoint: String(t.workPoint),
			allTowns: t.allTowns,
			unitsNote: t.unitsNote,
			departmentIds: t.departmentIds
		},
		departments: plan.departments.choices()
	};
};

export const actions: Actions = {
	update: async (event) => {
		const actor = requireAdmin(event);
		const f = await forms.read(event.request, taskSchema, { lists: ['departmentIds'] });
		if (!f.ok) return f.failure;
		const { id, ...input } = f.data;
		if (id !== Number(event.params.id)) error(400, '任务不一致');
		const failed = await forms.attempt(f.values, () => {
			plan.tasks.update(actor, id, input);
		});
		if (failed) return failed;
		const t = plan.tasks.byId(id)!;
		redirect(303, `/staff/admin/plan?year=${t.year}`);
	}
};
