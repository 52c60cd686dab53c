import { error } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import { enterprises, parseListQuery } from '$lib/server/campaign';
import * as towns from '$lib/server/towns';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const q = parseListQuery(event.url);
	if ('error' in q) error(400, q.error);
	const scope = townScope(u);
	const list = enterprises.list({ townIds: scope, townId: q.townId, q: q.q, page: q.page });
	const names = new Map(towns.list({ includeInactive: true }).map((t) => [t.id, t.name]));
	return {
		list: {
			...list,
			items: list.items.map((e) => ({ ...e, townName: names.get(e.townId) ?? '' }))
		},
		filter: { q: q.q ?? '', town: q.townSlug ?? '' },
		towns: towns
			.list()
			.filter((t) => !scope || scope.includes(t.id))
			.map((t) => ({ slug: t.slug, name: t.name }))
	};
};
