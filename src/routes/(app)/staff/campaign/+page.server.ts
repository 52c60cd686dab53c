import { inScope, requireRole, visibleTowns } from '$lib/server/access';
import * as query from '$lib/server/query';
import * as campaign from '$lib/server/campaign';
import * as events from '$lib/server/events';
import * as plan from '$lib/server/plan';
import type { PageServerLoad } from './$types';

// A read-only page watched by many: server-rendered HTML only, no hydration data or scripts to send.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const { year = campaign.currentYear() } = query.params(event.url, { year: query.year });
	const d = campaign.dashboard(year);
	// Publicity beside progress, so a lagging town that holds no events stands out.
	const activity = events
		.townTotals({ from: `${year}-01-01`, to: `${year}-12-31` })
		.filter((a) => inScope(u, a.townId));
	return {
		events: Object.fromEntries(
			activity.map((a) => [a.townId, { count: a.count, participants: a.participants }])
		),
		dashboard: { ...d, towns: d.towns.filter((t) => inScope(u, t.townId)) },
		years: campaign.listYears(),
		planRows: u.role === 'district_admin' ? plan.rows39to42(year) : [],
		isAdmin: u.role === 'district_admin',
		/** A town officer's own bulletins: one per town it holds. */
		bulletinTowns:
			u.role === 'town_officer' ? visibleTowns(u).map((t) => ({ slug: t.slug, name: t.name })) : []
	};
};
