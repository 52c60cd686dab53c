import { error } from '@sveltejs/kit';
import { requireRole, requireTown } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import * as plan from '$lib/server/plan';
import * as towns from '$lib/server/towns';
import { bulletinPeriod } from '../period';
import type { PageServerLoad } from './$types';

/** One town's monthly bulletin, for its own officer: the district bulletin's figures for it. */
export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const town = towns.bySlug(event.params.town) ?? error(404, '街镇不存在');
	requireTown(u, town.id);
	const { year, month, today, through } = bulletinPeriod(event.url);
	const b = campaign.bulletin(year, month);
	const row = b.towns.find((t) => t.townId === town.id);
	if (!row) error(404, `${town.name}没有参加信用承诺工作，没有月通报`);
	const reported = campaign.dashboard(year).towns.find((t) => t.townId === town.id)?.reported;
	return {
		bulletin: {
			year: b.year,
			month: b.month,
			asOf: b.asOf,
			share: b.share,
			district: b.district,
			districtMonth: b.monthCommitments,
			townCount: b.towns.length,
			town: { ...row, reported: reported ?? null }
		},
		missingReports: plan.reports
			.missingByUnit(year, today, through)
			.filter((m) => m.unit === town.name),
		years: campaign.listYears(),
		issued: today
	};
};
