import { requireUser, townScope } from '$lib/server/access';
import { inspections, supervision } from '$lib/server/streets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	const scope = townScope(u);
	return {
		drafts: inspections.list(scope, { status: 'draft', limit: 50 }),
		recent: inspections.list(scope, { status: 'submitted', limit: 50 }),
		due: supervision.dueList(scope)
	};
};
