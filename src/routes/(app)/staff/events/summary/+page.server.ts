import { requireRole } from '$lib/server/access';
import * as query from '$lib/server/query';
import * as events from '$lib/server/events';
import { todayISO } from '$lib/format';
import type { PageServerLoad } from './$types';

const VIEWS = ['town', 'unit'] as const;
const VIEW_LABEL = { town: '按举办街镇', unit: '按责任单位' };

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, ...events.EVENT_ROLES);
	const period = events.readPeriod(event.url);
	const view = query.params(event.url, { view: query.oneOf(VIEWS, VIEW_LABEL) }).view ?? 'town';
	// A department officer's events need not have a town: they see the unit view only.
	const byUnit = view === 'unit' || u.role === 'department_officer';
	const filter = { ...events.viewer(u), ...period };
	return {
		...period,
		today: todayISO(),
		view: byUnit ? ('unit' as const) : ('town' as const),
		canSwitch: u.role !== 'department_officer',
		...(byUnit ? events.unitSummary(filter) : events.summary(filter))
	};
};
