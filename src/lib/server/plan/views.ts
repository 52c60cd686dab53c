/** The plan as pages show it: each task with its responsible units and computed figures. */
import * as tasks from './tasks';
import * as figures from './figures';
import { todayISO } from '../../format';

export function currentYear() {
	return Number(todayISO().slice(0, 4));
}

function view(t: tasks.TaskWithUnits) {
	const depts = t.units.filter((u) => u.kind === 'department').map((u) => u.name);
	return {
		id: t.id,
		year: t.year,
		row: t.row,
		workPoint: t.workPoint,
		title: t.title,
		text: t.text,
		allTowns: t.allTowns,
		/** Responsible units in words: the departments, 各街镇园区, and the rest as the plan says. */
		units: [...depts, ...(t.allTowns ? ['各街镇园区'] : []), ...(t.unitsNote ? [t.unitsNote] : [])],
		departmentIds: t.departmentIds,
		unitsNote: t.unitsNote,
		figures: figures.figuresFor(t.row, t.year)
	};
}

export type TaskView = ReturnType<typeof view>;

/** Every task of the year, with figures: what the plan promised and where it stands. */
export function overview(year: number): TaskView[] {
	return tasks.list(year).map(view);
}

export function task(year: number, row: number): TaskView | undefined {
	const t = tasks.get(year, row);
	return t && view(t);
}
