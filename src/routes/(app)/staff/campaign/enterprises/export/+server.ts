import { requireRole, requireTown, townScope } from '$lib/server/access';
import { enterprises } from '$lib/server/campaign';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const { q, filters: f } = query.list(event.url, exports.enterprises.filters);
	if (f.town) requireTown(u, f.town.id);
	const filter = { townIds: townScope(u), townId: f.town?.id, q };
	return exports.send(event, exports.enterprises.name, exports.enterprises.columns, () =>
		enterprises.all(filter)
	);
};
