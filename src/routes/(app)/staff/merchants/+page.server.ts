import { requireUser, townScope, visibleTowns } from '$lib/server/access';
import { merchants, merchantFilter } from '$lib/server/streets';
import * as streets from '$lib/server/streets';
import * as towns from '$lib/server/towns';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	const scope = townScope(u);
	const f = merchantFilter(event.url);
	return {
		result: merchants.list(scope, f),
		filter: {
			town: f.townId ? (towns.byId(f.townId)?.slug ?? '') : '',
			streetId: f.streetId,
			level: f.level,
			q: f.q ?? ''
		},
		streets: streets.options(scope),
		towns: visibleTowns(u).map((t) => ({ slug: t.slug, name: t.name })),
		canEdit: u.role !== 'inspector'
	};
};
