import { error } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import * as events from '$lib/server/events';
import { parseYear } from '$lib/server/campaign';
import type { PageServerLoad } from './$types';

// A read-only page watched by many: server-rendered HTML only, no hydration data or scripts to send.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const year = parseYear(event.url.searchParams.get('year'));
	if (typeof year === 'object') error(400, year.error);
	const d = campaign.dashboard(year);
	const scope = townScope(u);
	// Publicity beside progress, so a lagging town that holds no events stands out.
	const activity = events
		.townTotals({ from: `${year}-01-01`, to: `${year}-12-31` })
		.filter((a) => !scope || scope.includes(a.townId));
	return {
		events: Object.fromEntries(
			activity.map((a) => [a.townId, { count: a.count, participants: a.participants }])
		),
		dashboard: scope ? { ...d, towns: d.towns.filter((t) => scope.includes(t.townId)) } : d,
		years: campaign.listYears(),
		isAdmin: u.role === 'district_admin'
	};
};
