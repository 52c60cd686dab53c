import * as feedback from '$lib/server/feedback';
import { requireCan, requireTown } from '$lib/server/access';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

/** The queue with the list's filters (待核实 when none is chosen), phones masked. */
export const GET: RequestHandler = (event) => {
	const u = requireCan(event, 'view', 'feedback');
	const x = exports.feedbackList;
	const { filters: f } = query.list(event.url, x.filters);
	if (f.town) requireTown(u, f.town.id);
	const filter = { status: f.status ?? 'pending', townId: f.town?.id, overdue: !!f.overdue };
	return exports.send(event, x.name(), x.columns, () => feedback.exportRows(u, filter));
};
