import { requireRole, requireTown, townScope } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const { q, filters: f } = query.list(event.url, exports.reports.filters);
	if (f.town) requireTown(u, f.town.id);
	const year = f.year ?? campaign.currentYear();
	const rows = campaign.allReports({
		townIds: townScope(u),
		year,
		townId: f.town?.id,
		status: f.status,
		q
	});
	return exports.send(event.url, exports.reports.name(year), exports.reports.columns, rows);
};
