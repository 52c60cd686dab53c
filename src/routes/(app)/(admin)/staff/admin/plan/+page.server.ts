import { redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access';
import * as plan from '$lib/server/plan';
import * as forms from '$lib/server/forms';
import * as query from '$lib/server/query';
import { copyYearSchema, settingsSchema } from '$lib/schemas/plan';
import { GRID_STATES } from '$lib/plan';
import type { Actions, PageServerLoad } from './$types';

function yearOf(url: URL) {
	return query.params(url, { year: query.year }).year ?? plan.views.currentYear();
}

/** The district's page: the grid of tasks × units × periods, the year's settings and tasks. */
export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const year = yearOf(event.url);
	const g = plan.reports.grid(year);
	const counts = Object.fromEntries(GRID_STATES.map((s) => [s, 0])) as Record<
		(typeof GRID_STATES)[number],
		number
	>;
	for (const r of g.rows) for (const c of r.cells) counts[c.state] += 1;
	return {
		year,
		years: plan.tasks.years(),
		settings: plan.tasks.settings(year),
		tasks: plan.tasks.list(year).map((t) => ({ id: t.id, row: t.row, title: t.title })),
		periods: g.periods,
		counts,
		rows: g.rows.map((r) => ({
			key: `${r.task.id}|${r.unit.key}`,
			label: r.unit.name,
			sub: `第 ${r.task.row} 项 ${r.task.title}`,
			cells: r.cells.map((c) => ({
				...c,
				href: `/staff/plan/reports/${r.task.id}/${c.period}?unit=${r.unit.key}`
			}))
		}))
	};
};

export const actions: Actions = {
	settings: async (event) => {
		const actor = requireAdmin(event);
		const year = yearOf(event.url);
		const f = await forms.read(event.request, settingsSchema);
		if (!f.ok) return f.failure;
		return forms.attempt(f.values, () => {
			plan.tasks.setSettings(actor, year, f.data);
			return { message: '报送设置已保存' };
		});
	},
	copy: async (event) => {
		const actor = requireAdmin(event);
		const year = yearOf(event.url);
		const f = await forms.read(event.request, copyYearSchema);
		if (!f.ok) return f.failure;
		const failed = await forms.attempt(f.values, () => {
			plan.tasks.copyYear(actor, year, f.data.to);
		});
		if (failed) return failed;
		redirect(303, `/staff/admin/plan?year=${f.data.to}`);
	}
};
