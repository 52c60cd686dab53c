import { requireRole, townScope } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const year = query.params(event.url, exports.counts.filters).year ?? campaign.currentYear();
	const rows = campaign.listCounts({ townIds: townScope(u), year });
	return exports.send(event, exports.counts.name(year), exports.counts.columns, rows);
};
