import { datasets, openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/**
 * Open data: every merchant, by id (nearest first with `near`), 50 a page:
 * `?town=<slug>&street=<id>&level=&category=&q=&near=<lat,lng>&page=&pageSize=`.
 */
export const GET: RequestHandler = openData.api(({ url }) => openData.ok(datasets.merchants(url)));
