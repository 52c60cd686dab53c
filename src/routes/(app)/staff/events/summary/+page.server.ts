import { requireRole, townScope } from '$lib/server/access';
import * as events from '$lib/server/events';
import { todayISO } from '$lib/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const period = events.readPeriod(event.url);
	return { ...period, today: todayISO(), ...events.summary({ scope: townScope(u), ...period }) };
};
