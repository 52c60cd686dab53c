import * as metrology from '$lib/server/metrology';
import * as query from '$lib/server/query';
import * as towns from '$lib/server/towns';
import { publicPage } from '$lib/server/cache';
import { UNIT_KINDS, UNIT_KIND_LABEL } from '$lib/metrology';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	publicPage(event);
	const q = query.list(
		event.url,
		{ town: query.town, kind: query.oneOf(UNIT_KINDS, UNIT_KIND_LABEL) },
		{ pageSize: 20, maxPageSize: 100 }
	);
	const { town, kind } = q.filters;
	const found = metrology.publicList({
		townId: town?.id,
		kind,
		q: q.q,
		limit: q.limit,
		offset: q.offset
	});
	return {
		list: query.paged(found.items, found.total, q),
		filters: { town: town?.slug ?? '', kind: kind ?? '', q: q.q ?? '' },
		towns: towns.list().map((t) => ({ slug: t.slug, name: t.name }))
	};
};
