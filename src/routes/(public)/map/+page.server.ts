import { mapConfig } from '$lib/server/public';
import { publicPage } from '$lib/server/cache';
import { browse } from './browse.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	publicPage(event);
	return { ...browse(event.url, 10), tiles: mapConfig.tileConfig() };
};
