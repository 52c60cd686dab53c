import { requireAdmin } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import * as plan from '$lib/server/plan';
import { bulletinPeriod } from './period';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const { year, month, today, through } = bulletinPeriod(event.url);
	const d = campaign.dashboard(year);
	const flags = new Map(d.towns.map((t) => [t.townId, t.reported]));
	const b = campaign.bulletin(year, month);
	return {
		bulletin: {
			...b,
			towns: b.towns.map((t) => ({ ...t, reported: flags.get(t.townId) ?? null }))
		},
		missingReports: plan.reports.missingByUnit(year, today, through),
		years: campaign.listYears(),
		issued: today
	};
};
