import { requireUser, townScope } from '$lib/server/access';
import { inspections, supervision } from '$lib/server/streets';
import * as query from '$lib/server/query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	const scope = townScope(u);
	const q = query.list(event.url, { town: query.town, street: query.id });
	const f = { townId: q.filters.town?.id, streetId: q.filters.street };
	const recent = { ...f, status: 'submitted' as const };
	return {
		drafts: inspections.list(scope, { ...f, status: 'draft', limit: 50 }),
		recent: query.paged(
			inspections.list(scope, { ...recent, limit: q.limit, offset: q.offset }),
			inspections.count(scope, recent),
			q
		),
		due: supervision.dueList(scope, f)
	};
};
