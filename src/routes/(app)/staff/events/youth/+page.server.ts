import { requireRole, townScope } from '$lib/server/access';
import * as query from '$lib/server/query';
import * as youth from '$lib/server/youth';
import { todayISO } from '$lib/format';
import type { PageServerLoad } from './$types';

/** 区教育局's view; district admins for now (the education bureau's own role is to follow). */
export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin');
	const year = query.params(event.url, { year: query.year }).year ?? Number(todayISO().slice(0, 4));
	return youth.view(year, townScope(u));
};
