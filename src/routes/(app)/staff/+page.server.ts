import { requireUser } from '$lib/server/access';
import * as due from '$lib/server/due';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	return { due: due.forUser(u) };
};
