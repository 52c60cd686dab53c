import { requireCan, requireTown, townScope } from '$lib/server/access';
import { inspections } from '$lib/server/streets';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

/** The submitted inspections the list shows (最近提交), with its filters, in the user's towns. */
export const GET: RequestHandler = (event) => {
	const u = requireCan(event, 'view', 'inspection');
	const x = exports.inspectionList;
	const { filters: f } = query.list(event.url, x.filters);
	if (f.town) requireTown(u, f.town.id);
	const filter = { townId: f.town?.id, streetId: f.street, status: 'submitted' as const };
	return exports.send(event, x.name(), x.columns, () =>
		inspections.list(townScope(u), { ...filter, limit: 100_000 })
	);
};
