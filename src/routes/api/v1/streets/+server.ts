import { datasets, openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/** Open data: every street with its public fields, 50 a page: `?town=<slug>&page=&pageSize=`. */
export const GET: RequestHandler = openData.api(({ url }) => openData.ok(datasets.streets(url)));
