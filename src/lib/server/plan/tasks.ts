/**
 * The year's work plan: its tasks (rows 37–42 of the task table), each with the units that answer
 * for it, and how often they report. District admins edit a year's tasks and copy a year's plan
 * to the next.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '../db';
import { planTask, planTaskDepartment, planYear, type PlanTask } from '../db/schema';
import * as audit from '../audit';
import { DomainError } from '../forms';
import * as departments from './departments';
import * as units from './units';
import type { Actor } from '../actor';
import { SEED_DEPARTMENTS, type Cadence } from '../../plan';

/** The plan's rows 37–42 as the district wrote them; the seed of the first plan year. */
export const SEED_TASKS = [
	{
		row: 37,
		workPoint: 21,
		title: '企业信用承诺公示与信用报告',
		text: '组织全区不少于 5000 家企业开展企业信用承诺公示，不少于 100 家企业开展补充信息公示并出具信用报告。',
		departments: [],
		allTowns: true,
		unitsNote: ''
	},
	{
		row: 38,
		workPoint: 21,
		title: '诚信示范街创建',
		text: '制定创建标准和自律标准，开展检查评审，按诚信等级授予“诚信经营商户”“诚信经营模范商户”牌匾，为示范街商户建立诚信档案，实施动态化监管，保护消费者和商户合法权益。',
		departments: ['区发展改革委', '区经委', '区市场监管局'],
		allTowns: true,
		unitsNote: ''
	},
	{
		row: 39,
		workPoint: 21,
		title: '诚信计量示范',
		text: '开展诚信计量示范创建，推动农贸市场、超市、加油站等经营者诚信计量、明码标价。',
		departments: ['区市场监管局'],
		allTowns: false,
		unitsNote: ''
	},
	{
		row: 40,
		workPoint: 22,
		title: '诚信主题宣传活动',
		text: '开展“诚信建设万里行”“诚信兴商宣传月”“诚信点亮中国”等主题活动，推进诚信进园区、进社区、进校园、进机关。',
		// the seven departments the plan names first
		departments: SEED_DEPARTMENTS.slice(0, 7),
		allTowns: true,
		unitsNote: ''
	},
	{
		row: 41,
		workPoint: 22,
		title: '青少年诚信教育',
		text: '加强青少年诚信教育，将诚信教育融入学校教育教学和社会实践。',
		departments: ['区教育局'],
		allTowns: false,
		unitsNote: ''
	},
	{
		row: 42,
		workPoint: 23,
		title: '讲好诚信故事',
		text: '通过事迹宣讲、公益广告、专题展览、故事汇巡演等形式，讲好诚信故事，弘扬诚信文化。',
		departments: ['区文明办'],
		allTowns: false,
		unitsNote: '联席会议成员单位'
	}
] as const;

export type TaskWithUnits = PlanTask & { departmentIds: number[]; units: units.Unit[] };

function withUnits(tasks: PlanTask[]): TaskWithUnits[] {
	const links = tasks.length
		? db
				.select()
				.from(planTaskDepartment)
				.where(
					inArray(
						planTaskDepartment.taskId,
						tasks.map((t) => t.id)
					)
				)
				.all()
		: [];
	const towns = units.ofKind('town');
	return tasks.map((t) => {
		const departmentIds = links.filter((l) => l.taskId === t.id).map((l) => l.departmentId);
		const depts = departmentIds
			.map((id) => units.get({ kind: 'department', id }))
			.filter((u): u is units.Unit => !!u);
		return { ...t, departmentIds, units: [...depts, ...(t.allTowns ? towns : [])] };
	});
}

export function list(year: number): TaskWithUnits[] {
	return withUnits(
		db.select().from(planTask).where(eq(planTask.year, year)).orderBy(asc(planTask.row)).all()
	);
}

export function get(year: number, row: number): TaskWithUnits | undefined {
	const t = db
		.select()
		.from(planTask)
		.where(and(eq(planTask.year, year), eq(planTask.row, row)))
		.get();
	return t && withUnits([t])[0];
}

export function byId(id: number): TaskWithUnits | undefined {
	const t = db.select().from(planTask).where(eq(planTask.id, id)).get();
	return t && withUnits([t])[0];
}

/** The years that have a plan, newest first. */
export function years(): number[] {
	return db
		.selectDistinct({ year: planTask.year })
		.from(planTask)
		.orderBy(asc(planTask.year))
		.all()
		.map((r) => r.year)
		.reverse();
}

/** The tasks a unit answers for in a year. */
export function tasksOf(year: number, unitKey: string): TaskWithUnits[] {
	return list(year).filter((t) => t.units.some((u) => u.key === unitKey));
}

/** Seeds the year's plan from the district's rows 37–42 when the year has none. */
export function seed(year: number) {
	if (list(year).length) return;
	db.transaction((tx) => {
		for (const s of SEED_TASKS) {
			const row = tx
				.insert(planTask)
				.values({
					year,
					row: s.row,
					workPoint: s.workPoint,
					title: s.title,
					text: s.text,
					allTowns: s.allTowns,
					unitsNote: s.unitsNote
				})
				.onConflictDoNothing()
				.returning()
				.get();
			if (!row) continue;
			for (const name of s.departments) {
				const d = departments.byName(name);
				if (d) tx.insert(planTaskDepartment).values({ taskId: row.id, departmentId: d.id }).run();
			}
		}
		tx.insert(planYear).values({ year }).onConflictDoNothing().run();
	});
}

export type TaskInput = {
	title: string;
	text: string;
	workPoint: number;
	allTowns: boolean;
	unitsNote: string;
	departmentIds: number[];
};

export function update(actor: Actor, id: number, input: TaskInput) {
	for (const d of input.departmentIds)
		if (!departments.byId(d)) throw new DomainError('departmentIds', '所选部门不存在');
	if (!input.allTowns && !input.departmentIds.length && !input.unitsNote)
		throw new DomainError('departmentIds', '请至少选择一个责任单位');
	return db.transaction((tx) => {
		const before = byId(id);
		if (!before) throw new DomainError('_', '该任务不存在');
		const after = tx
			.update(planTask)
			.set({
				title: input.title,
				text: input.text,
				workPoint: input.workPoint,
				allTowns: input.allTowns,
				unitsNote: input.unitsNote
			})
			.where(eq(planTask.id, id))
			.returning()
			.get();
		tx.delete(planTaskDepartment).where(eq(planTaskDepartment.taskId, id)).run();
		for (const departmentId of new Set(input.departmentIds))
			tx.insert(planTaskDepartment).values({ taskId: id, departmentId }).run();
		audit.record(tx, actor, {
			action: 'plan_task.update',
			entityType: 'plan_task',
			entityId: id,
			before: { ...before, units: undefined },
			after: { ...after, departmentIds: input.departmentIds }
		});
		return after;
	});
}

/** Copies a year's tasks, units and reporting cadence to another year that has no plan yet. */
export function copyYear(actor: Actor, from: number, to: number) {
	const source = list(from);
	if (!source.length) throw new DomainError('_', `${from} 年还没有工作计划`);
	if (list(to).length) throw new DomainError('_', `${to} 年已有工作计划，不能覆盖`);
	const cadence = settings(from);
	return db.transaction((tx) => {
		for (const t of source) {
			const row = tx
				.insert(planTask)
				.values({
					year: to,
					row: t.row,
					workPoint: t.workPoint,
					title: t.title,
					text: t.text,
					allTowns: t.allTowns,
					unitsNote: t.unitsNote
				})
				.returning()
				.get();
			for (const departmentId of t.departmentIds)
				tx.insert(planTaskDepartment).values({ taskId: row.id, departmentId }).run();
		}
		tx.insert(planYear)
			.values({ year: to, cadence: cadence.cadence, dueDay: cadence.dueDay })
			.onConflictDoNothing()
			.run();
		audit.record(tx, actor, {
			action: 'plan.copy_year',
			entityType: 'plan_year',
			entityId: to,
			after: { from, to, tasks: source.length }
		});
		return source.length;
	});
}

/** How often units report in a year, and by which day of the following month. */
export function settings(year: number): { year: number; cadence: Cadence; dueDay: number } {
	return (
		db.select().from(planYear).where(eq(planYear.year, year)).get() ?? {
			year,
			cadence: 'monthly',
			dueDay: 5
		}
	);
}

export function setSettings(
	actor: Actor,
	year: number,
	input: { cadence: Cadence; dueDay: number }
) {
	if (input.dueDay < 1 || input.dueDay > 28)
		throw new DomainError('dueDay', '报送截止日应为 1 到 28 之间的日期');
	db.transaction((tx) => {
		const before = tx.select().from(planYear).where(eq(planYear.year, year)).get();
		tx.insert(planYear)
			.values({ year, ...input })
			.onConflictDoUpdate({ target: planYear.year, set: input })
			.run();
		audit.record(tx, actor, {
			action: 'plan_year.update',
			entityType: 'plan_year',
			entityId: year,
			before,
			after: { year, ...input }
		});
	});
}
