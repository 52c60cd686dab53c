import { requireCan, requireTown, townScope } from '$lib/server/access';
import { merchants } from '$lib/server/streets';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const u = requireCan(event, 'export', 'merchant');
	const { q, filters: f } = query.list(event.url, exports.merchantList.filters);
	if (f.town) requireTown(u, f.town.id);
	const rows = merchants.list(townScope(u), {
		townId: f.town?.id,
		streetId: f.street,
		level: f.level,
		q,
		page: 1,
		pageSize: 100_000
	}).items;
	return exports.send(event, exports.merchantList.name, exports.merchantList.columns, rows);
};
