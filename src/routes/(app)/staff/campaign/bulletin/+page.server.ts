import { error } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import { parseYear } from '$lib/server/campaign';
import { todayISO } from '$lib/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const today = todayISO();
	const year = parseYear(event.url.searchParams.get('year'));
	if (typeof year === 'object') error(400, year.error);
	const monthRaw = event.url.searchParams.get('month');
	const thisYear = Number(today.slice(0, 4));
	const defaultMonth = year === thisYear ? Number(today.slice(5, 7)) : 12;
	const month = monthRaw ? Number(monthRaw) : defaultMonth;
	if (!Number.isInteger(month) || month < 1 || month > 12) error(400, '月份 month 应为 1 到 12');
	if (year > thisYear || (year === thisYear && month > defaultMonth))
		error(400, '还没有到这个月份，无法出具月通报');
	const d = campaign.dashboard(year);
	const flags = new Map(d.towns.map((t) => [t.townId, t.reported]));
	const b = campaign.bulletin(year, month);
	return {
		bulletin: {
			...b,
			towns: b.towns.map((t) => ({ ...t, reported: flags.get(t.townId) ?? null }))
		},
		years: campaign.listYears(),
		issued: today
	};
};
