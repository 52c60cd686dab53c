import { requireRole } from '$lib/server/access';
import * as events from '$lib/server/events';
import { todayISO } from '$lib/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, ...events.EVENT_ROLES);
	const { filter, values } = events.readFilter(event.url, u);
	const month = events.readMonth(event.url);
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
	return { month, items, values, today: todayISO(), ...events.choices(u) };
};
