import * as badges from '$lib/server/badges';
import * as due from '$lib/server/due';
import { requireCan, requireTown, townScope } from '$lib/server/access';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

/** The flagged plaques of the list, with whether each was marked handled. */
export const GET: RequestHandler = (event) => {
	const u = requireCan(event, 'view', 'badge');
	const x = exports.flaggedScans;
	const { filters: f } = query.list(event.url, x.filters);
	if (f.town) requireTown(u, f.town.id);
	return exports.send(event, x.name(), x.columns, () => {
		const open = new Set(due.unhandledFlags(u).map((i) => i.badgeId));
		return badges
			.flaggedScans(townScope(u), { townId: f.town?.id, limit: 100_000 })
			.map((i) => ({ ...i, state: badges.stateToday(i), handled: !open.has(i.badgeId) }));
	});
};
