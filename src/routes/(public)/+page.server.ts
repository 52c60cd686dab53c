import { home } from '$lib/server/public';
import { publicPage } from '$lib/server/cache';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	publicPage(event);
	return home();
};
