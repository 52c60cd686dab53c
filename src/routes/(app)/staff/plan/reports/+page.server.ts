import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access';
import * as plan from '$lib/server/plan';
import * as query from '$lib/server/query';
import type { PageServerLoad } from './$types';

/** An officer's own unit: its tasks × periods, each cell linking to that period's report. */
export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'town_officer', 'department_officer');
	const unit = plan.units.ofUser(u);
	if (!unit) error(403, '您的账号没有所属单位，无法报送工作进展');
	const year = query.params(event.url, { year: query.year }).year ?? plan.views.currentYear();
	const g = plan.reports.grid(year, { unitKeys: [unit.key] });
	const reports = new Map(plan.reports.ofUnit(year, unit.key).map((r) => [r.id, r]));
	return {
		year,
		unit: unit.name,
		periods: g.periods,
		cadence: g.cadence,
		dueDay: g.dueDay,
		rows: g.rows.map((r) => ({
			taskId: r.task.id,
			row: r.task.row,
			title: r.task.title,
			cells: r.cells.map((c) => ({
				...c,
				status: c.reportId ? (reports.get(c.reportId)?.status ?? null) : null
			}))
		})),
		due: plan.reports.dueFor(u)
	};
};
