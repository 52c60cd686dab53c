/**
 * The work plan's demo: a year of progress reports from several units — most on time, some late,
 * some missing, one sent back — and district departments' own events, some held in no town.
 */
import * as plan from '../src/lib/server/plan';
import * as towns from '../src/lib/server/towns';
import { SYSTEM } from '../src/lib/server/actor';
import { makeEvent } from '../src/lib/server/testing/factories';
import { dueDate, periodsOf, type UnitRef } from '../src/lib/plan';
import { todayISO } from '../src/lib/format';

function shift(day: string, days: number): Date {
	return new Date(Date.parse(`${day}T10:00:00+08:00`) + days * 86_400_000);
}

export function seedPlanDemo(year = Number(todayISO().slice(0, 4))): string {
	const today = todayISO();
	const dept = (name: string): UnitRef => ({
		kind: 'department',
		id: plan.departments.byName(name)!.id
	});
	const town = (slug: string): UnitRef => ({ kind: 'town', id: towns.bySlug(slug)!.id });
	const filers: [number, UnitRef][] = [
		[37, town('yueyang')],
		[37, town('sheshan')],
		[38, dept('区市场监管局')],
		[38, town('sheshan')],
		[40, dept('区教育局')],
		[40, dept('区文明办')],
		[41, dept('区教育局')],
		[42, dept('区文明办')]
	];
	const s = plan.tasks.settings(year);
	let filed = 0;
	filers.forEach(([row, unit], i) => {
		const task = plan.tasks.get(year, row);
		if (!task) return;
		for (const [m, period] of periodsOf(year, s.cadence).entries()) {
			const due = dueDate(period, s.dueDay);
			if (due >= today) break;
			if ((m + i) % 5 === 4) continue; // missing
			const late = (m + i) % 4 === 3;
			const on = shift(due, late ? 4 : -2);
			const r = plan.reports.save(
				SYSTEM,
				{
					taskId: task.id,
					unit,
					period,
					text: `${period} 本单位围绕“${task.title}”推进工作：召开专题部署会，落实责任人，按计划开展检查和宣传。`,
					figures: `开展活动：${2 + ((m * 3 + i) % 5)}\n覆盖人次：${120 + ((m * 37 + i * 11) % 400)}`
				},
				{},
				true,
				on
			);
			filed += 1;
			if (m < 9) plan.reports.accept(SYSTEM, r.id, shift(due, 6));
			else if ((m + i) % 3 === 0)
				plan.reports.sendBack(SYSTEM, r.id, '请补充本月活动的照片和参与人数统计。', shift(due, 6));
		}
	});
	const themes: [string, string | null, string, string][] = [
		['区教育局', null, '青少年诚信教育', '培训讲座'],
		['区教育局', 'yueyang', '诚信进校园', '事迹宣讲'],
		['区市场监管局', 'sheshan', '诚信兴商宣传月', '专题展览'],
		['区文明办', null, '诚信故事宣讲', '公益广告'],
		['团区委', 'fangsong', '青少年诚信教育', '故事汇巡演']
	];
	themes.forEach(([department, t, theme, form], i) =>
		makeEvent(SYSTEM, {
			department,
			town: t,
			theme,
			form,
			title: `${department}·${theme}${t ? '' : '（线上）'}`,
			startDate: `${year}-${String(3 + i * 2).padStart(2, '0')}-18`,
			participants: 200 + i * 150
		})
	);
	return `工作进展报送 ${filed} 份，区级部门活动 ${themes.length} 场`;
}
