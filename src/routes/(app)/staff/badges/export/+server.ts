import * as badges from '$lib/server/badges';
import { requireCan, requireTown, townScope } from '$lib/server/access';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

/** Every badge of the user's towns, by town or street as the badge pages filter. */
export const GET: RequestHandler = (event) => {
	const u = requireCan(event, 'view', 'badge');
	const x = exports.badgeList;
	const { filters: f } = query.list(event.url, x.filters);
	if (f.town) requireTown(u, f.town.id);
	const filter = { townId: f.town?.id, streetId: f.street };
	return exports.send(event, x.name(), x.columns, () => badges.list(townScope(u), filter));
};
