import { requireUser } from '$lib/server/access';
import type { LayoutServerLoad } from './$types';

/** Staff documents printed without the staff chrome; each page checks the role again. */
export const load: LayoutServerLoad = (event) => {
	requireUser(event);
};
