import { error } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import * as towns from '$lib/server/towns';
import { parseListQuery } from '$lib/server/campaign';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const q = parseListQuery(event.url);
	if ('error' in q) error(400, q.error);
	const scope = townScope(u);
	return {
		list: campaign.listReports({ townIds: scope, ...q }),
		filter: { q: q.q ?? '', town: q.townSlug ?? '', year: String(q.year), status: q.status ?? '' },
		towns: towns
			.list()
			.filter((t) => !scope || scope.includes(t.id))
			.map((t) => ({ slug: t.slug, name: t.name })),
		years: campaign.listYears()
	};
};
