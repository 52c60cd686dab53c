import { error } from '@sveltejs/kit';
import * as plan from '$lib/server/plan';
import { publicPage } from '$lib/server/cache';
import { yearParam } from '../../params';
import type { PageServerLoad } from './$types';

/** A task as residents see it: what the plan promised, who answers for it, where it stands. */
export const load: PageServerLoad = (event) => {
	publicPage(event, 300);
	const year = yearParam(event.params.year);
	const row = /^\d{1,3}$/.test(event.params.row) ? Number(event.params.row) : NaN;
	const t = Number.isNaN(row) ? undefined : plan.views.task(year, row);
	if (!t) error(404, '没有这项任务');
	return {
		task: {
			year: t.year,
			row: t.row,
			workPoint: t.workPoint,
			title: t.title,
			text: t.text,
			units: t.units,
			figures: t.figures
		},
		others: plan.tasks
			.list(year)
			.filter((x) => x.row !== row)
			.map((x) => ({ row: x.row, title: x.title }))
	};
};
