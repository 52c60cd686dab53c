import { requireRole, requireTown } from '$lib/server/access';
import * as events from '$lib/server/events';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const u = requireRole(event, ...events.EVENT_ROLES);
	const { q, filters: f } = query.list(event.url, exports.eventList.filters);
	if (f.town) requireTown(u, f.town.id);
	const rows = events.all(
		{
			...events.viewer(u),
			townId: f.town?.id,
			themeId: f.theme,
			formId: f.form,
			from: f.from,
			to: f.to,
			q
		},
		100_000
	);
	return exports.send(event, exports.eventList.name(), exports.eventList.columns, rows);
};
