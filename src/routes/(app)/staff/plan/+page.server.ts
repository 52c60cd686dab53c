import { requireRole } from '$lib/server/access';
import * as plan from '$lib/server/plan';
import * as query from '$lib/server/query';
import * as creditTowns from '$lib/server/credit-towns';
import type { PageServerLoad } from './$types';

/** The year's tasks with district-wide figures: read-only for every unit, edited under admin. */
export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer', 'department_officer');
	const year = query.params(event.url, { year: query.year }).year ?? plan.views.currentYear();
	const mine = plan.units.ofUser(u);
	return {
		year,
		years: plan.tasks.years(),
		tasks: plan.views.overview(year).map((t) => ({
			...t,
			mine: !!mine && plan.tasks.get(year, t.row)!.units.some((x) => x.key === mine.key)
		})),
		unit: mine?.name ?? null,
		creditTowns: {
			figures: creditTowns.planFigures(),
			href:
				u.role === 'district_admin'
					? '/staff/admin/credit-towns'
					: u.role === 'town_officer'
						? '/staff/plan/credit-town'
						: null
		},
		isAdmin: u.role === 'district_admin'
	};
};
