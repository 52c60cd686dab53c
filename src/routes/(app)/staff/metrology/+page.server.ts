import { requireRole, townScope, visibleTowns, requireTown } from '$lib/server/access';
import * as metrology from '$lib/server/metrology';
import * as query from '$lib/server/query';
import { UNIT_KINDS, UNIT_KIND_LABEL, UNIT_STATUSES, UNIT_STATUS_LABEL } from '$lib/metrology';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer', 'inspector');
	const q = query.list(
		event.url,
		{
			town: query.town,
			status: query.oneOf(UNIT_STATUSES, UNIT_STATUS_LABEL),
			kind: query.oneOf(UNIT_KINDS, UNIT_KIND_LABEL)
		},
		{ pageSize: 30 }
	);
	const { town, status, kind } = q.filters;
	if (town) requireTown(u, town.id);
	const found = metrology.list(townScope(u), {
		townId: town?.id,
		status,
		kind,
		q: q.q,
		limit: q.limit,
		offset: q.offset
	});
	return {
		list: query.paged(found.items, found.total, q),
		filters: { town: town?.slug ?? '', status: status ?? '', kind: kind ?? '', q: q.q ?? '' },
		towns: visibleTowns(u).map((t) => ({ slug: t.slug, name: t.name })),
		canCreate: u.role !== 'inspector'
	};
};
