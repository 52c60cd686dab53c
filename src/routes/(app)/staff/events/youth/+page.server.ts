import { error } from '@sveltejs/kit';
import { requireUser, townScope } from '$lib/server/access';
import * as query from '$lib/server/query';
import * as youth from '$lib/server/youth';
import { todayISO } from '$lib/format';
import type { PageServerLoad } from './$types';

/** 区教育局's view of row 41: district admins and the education bureau's own officers. */
export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	if (!youth.canOpenView(u)) error(403, '此页面供区教育局和区级管理员查看');
	const year = query.params(event.url, { year: query.year }).year ?? Number(todayISO().slice(0, 4));
	// a department holds no town: the bureau reads the district's figures, as district admins do
	return youth.view(year, u.role === 'department_officer' ? null : townScope(u));
};
