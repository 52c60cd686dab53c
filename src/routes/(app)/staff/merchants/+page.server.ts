import { requireUser, townScope } from '$lib/server/access';
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
		filter: { ...f, q: f.q ?? '' },
		streets: streets.options(scope),
		towns: towns
			.list()
			.filter((t) => !scope || scope.includes(t.id))
			.map((t) => ({ id: t.id, name: t.name })),
		canEdit: u.role !== 'inspector'
	};
};
