import { requireTown, requireUser, townScope } from '$lib/server/access';
import * as streets from '$lib/server/streets';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const u = requireUser(event);
	const f = query.params(event.url, exports.streetList.filters);
	if (f.town) requireTown(u, f.town.id);
	const rows = streets.list(townScope(u), { townId: f.town?.id });
	return exports.send(event, exports.streetList.name, exports.streetList.columns, rows);
};
