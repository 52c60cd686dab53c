import { directory } from '$lib/server/public';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

/** 诚信红榜 as a file, for the district or one town: built once per content version. */
export const GET: RequestHandler = (event) => {
	const x = exports.redList;
	const { filters: f } = query.list(event.url, x.filters);
	const rows = () => directory.redList({ town: f.town, pageSize: 100_000 }).items;
	return exports.sendCached(event, `redlist:${f.town?.id}`, x.name, x.columns, rows);
};
