import { requireUser, townScope, visibleTowns } from '$lib/server/access';
import * as streets from '$lib/server/streets';
import * as query from '$lib/server/query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	const q = query.list(event.url, { town: query.town });
	const f = { townId: q.filters.town?.id };
	const scope = townScope(u);
	return {
		result: query.paged(
			streets.list(scope, { ...f, limit: q.limit, offset: q.offset }),
			streets.count(scope, f),
			q
		),
		town: q.filters.town?.slug ?? '',
		towns: visibleTowns(u).map((t) => ({ slug: t.slug, name: t.name })),
		canEdit: u.role !== 'inspector'
	};
};
