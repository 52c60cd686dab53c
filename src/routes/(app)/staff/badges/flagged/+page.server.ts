import * as badges from '$lib/server/badges';
import * as query from '$lib/server/query';
import { requireCan, townScope } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireCan(event, 'view', 'badge');
	const q = query.list(event.url, { town: query.town });
	const scope = townScope(u);
	const f = { townId: q.filters.town?.id };
	const items = badges
		.flaggedScans(scope, { ...f, limit: q.limit, offset: q.offset })
		.map((i) => ({ ...i, state: badges.stateToday(i) }));
	return { result: query.paged(items, badges.flaggedCount(scope, f), q) };
};
