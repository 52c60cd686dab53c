import { error } from '@sveltejs/kit';
import { can, requireUser } from '$lib/server/access';
import * as towns from '$lib/server/towns';
import * as metrology from '$lib/server/metrology';
import * as query from '$lib/server/query';
import { UNIT_KINDS, UNIT_KIND_LABEL, UNIT_STATUSES, UNIT_STATUS_LABEL } from '$lib/metrology';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	// the towns' own units; the whole register for the district and its responsible department
	const scope = metrology.townsFor(u, 'view');
	if (scope && !scope.length) error(403, '您的账号没有权限访问此页面');
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
	if (town && scope && !scope.includes(town.id)) error(403, '您只能查看本街镇的示范单位');
	const found = metrology.list(scope, {
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
		towns: towns
			.list()
			.filter((t) => !scope || scope.includes(t.id))
			.map((t) => ({ slug: t.slug, name: t.name })),
		canCreate: can(u, 'create', 'metrology_unit')
	};
};
