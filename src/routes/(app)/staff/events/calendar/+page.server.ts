import { requireRole } from '$lib/server/access';
import * as events from '$lib/server/events';
import { choices, readFilter } from '$lib/server/events';
import { todayISO } from '$lib/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const { filter, values } = readFilter(event.url, u);
	const raw = event.url.searchParams.get('month') ?? '';
	const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : todayISO().slice(0, 7);
	const items = events.month(month, filter).map((e) => ({
		id: e.id,
		title: e.title,
		townName: e.townName,
		themeName: e.themeName,
		startDate: e.startDate,
		endDate: e.endDate,
		startTime: e.startTime,
		isPublic: e.isPublic
	}));
	return { month, items, values, today: todayISO(), ...choices(u) };
};
