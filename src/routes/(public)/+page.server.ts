import * as directory from '$lib/server/directory';
import * as mapData from '$lib/server/map-data';
import { publicPage } from '$lib/server/public-cache';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	publicPage(event);
	return {
		counts: mapData.counts(),
		redList: directory.redList(8),
		streets: directory.streetSummaries(8)
	};
};
