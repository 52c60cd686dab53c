import { requireRole, townScope } from '$lib/server/access';
import * as events from '$lib/server/events';
import { exports } from '$lib/server/files';
import { readPeriod } from '../period';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const period = readPeriod(event.url);
	const s = events.summary({ scope: townScope(u), ...period });
	const x = exports.eventSummary;
	return exports.send(event, x.name(period), x.columns(s), x.rows(s));
};
