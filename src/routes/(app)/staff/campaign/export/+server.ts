import { inScope, requireRole } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

/** The dashboard's per-town table as a spreadsheet. */
export const GET: RequestHandler = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const year = query.params(event.url, exports.progress.filters).year ?? campaign.currentYear();
	const rows = campaign
		.dashboard(year)
		.towns.filter((t) => inScope(u, t.townId))
		.sort((a, b) => a.rank - b.rank);
	return exports.send(event, exports.progress.name(year), exports.progress.columns, rows);
};
