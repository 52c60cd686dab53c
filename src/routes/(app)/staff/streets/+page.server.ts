import { requireUser, townScope } from '$lib/server/access';
import * as streets from '$lib/server/streets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	return {
		streets: streets.list(townScope(u)),
		canEdit: u.role !== 'inspector'
	};
};
