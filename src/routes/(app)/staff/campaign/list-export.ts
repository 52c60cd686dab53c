import type { RequestEvent } from '@sveltejs/kit';
import { requireRole, requireTown, townScope } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';

type Spec<Row> = {
	filters: {
		year: query.Param<number>;
		town: query.Param<{ id: number }>;
		status: query.Param<string>;
	};
	name: (year: number) => string;
	columns: exports.Column<Row>[];
};

/** The export of a campaign list (commitments, reports) with the list page's filters. */
export function listExport<Row>(spec: Spec<Row>, all: (f: campaign.ListFilter) => Row[]) {
	return (event: RequestEvent) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const { q, filters: f } = query.list(event.url, spec.filters);
		if (f.town) requireTown(u, f.town.id);
		const year = f.year ?? campaign.currentYear();
		const filter = { townIds: townScope(u), year, townId: f.town?.id, status: f.status, q };
		return exports.send(event, spec.name(year), spec.columns, () => all(filter));
	};
}
