import { datasets, openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/** Named metrology demonstration units: `?q=&town=<slug>&kind=&page=&pageSize=`. */
export const GET: RequestHandler = openData.api(({ url }) =>
	openData.ok(datasets.metrologyUnits(url))
);
