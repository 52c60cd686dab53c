import { requireAdmin, visibleTowns } from '$lib/server/access';
import * as creditTowns from '$lib/server/credit-towns';
import * as query from '$lib/server/query';
import { CREDIT_TOWN_STATUSES, CREDIT_TOWN_STATUS_LABEL } from '$lib/credit-towns';
import type { PageServerLoad } from './$types';

/** The district's list of credit-town applications, those waiting for it first. */
export const load: PageServerLoad = (event) => {
	const u = requireAdmin(event);
	const q = query.list(
		event.url,
		{ town: query.town, status: query.oneOf(CREDIT_TOWN_STATUSES, CREDIT_TOWN_STATUS_LABEL) },
		{ pageSize: 30 }
	);
	const { town, status } = q.filters;
	const found = creditTowns.list(null, {
		townId: town?.id,
		status,
		limit: q.limit,
		offset: q.offset
	});
	return {
		list: query.paged(found.items, found.total, q),
		filters: { town: town?.slug ?? '', status: status ?? '' },
		towns: visibleTowns(u).map((t) => ({ slug: t.slug, name: t.name })),
		figures: creditTowns.planFigures()
	};
};
