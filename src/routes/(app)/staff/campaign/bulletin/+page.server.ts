import { error } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access';
import * as query from '$lib/server/query';
import * as campaign from '$lib/server/campaign';
import * as plan from '$lib/server/plan';
import { todayISO } from '$lib/format';
import type { PageServerLoad } from './$types';

const month: query.Param<number> = (raw, name) => {
	if (!/^\d{1,2}$/.test(raw) || Number(raw) < 1 || Number(raw) > 12)
		query.bad(name, `应为 1 到 12 之间的月份，收到「${raw.slice(0, 20)}」`);
	return Number(raw);
};

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const today = todayISO();
	const thisYear = Number(today.slice(0, 4));
	const p = query.params(event.url, { year: query.year, month });
	const year = p.year ?? thisYear;
	const lastMonth = year === thisYear ? Number(today.slice(5, 7)) : 12;
	const m = p.month ?? lastMonth;
	if (year > thisYear || (year === thisYear && m > lastMonth))
		error(400, '还没有到这个月份，无法出具月通报');
	const d = campaign.dashboard(year);
	const flags = new Map(d.towns.map((t) => [t.townId, t.reported]));
	const b = campaign.bulletin(year, m);
	return {
		bulletin: {
			...b,
			towns: b.towns.map((t) => ({ ...t, reported: flags.get(t.townId) ?? null }))
		},
		missingReports: plan.reports.missingByUnit(
			year,
			today,
			`${year}-${String(m).padStart(2, '0')}`
		),
		years: campaign.listYears(),
		issued: today
	};
};
