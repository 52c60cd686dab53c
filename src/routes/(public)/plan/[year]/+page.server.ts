import { error } from '@sveltejs/kit';
import * as plan from '$lib/server/plan';
import { publicPage } from '$lib/server/cache';
import { yearParam } from '../params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	publicPage(event, 300);
	const year = yearParam(event.params.year);
	const tasks = plan.views.overview(year);
	if (!tasks.length) error(404, '没有这一年的工作计划');
	return { year, tasks };
};
