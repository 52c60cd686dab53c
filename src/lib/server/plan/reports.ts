/**
 * 工作进展报送: each responsible unit's progress report on a task, per period of the year's
 * cadence. A unit's officers write and submit; district admins return a report with a comment
 * (退回修改) or accept it. The grid and the bulletin read from here, and so do officers' reminders.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '../db';
import { progressAttachment, progressReport, type ProgressReport } from '../db/schema';
import * as audit from '../audit';
import { DomainError } from '../forms';
import { todayISO } from '../../format';
import * as units from './units';
import { can } from '../access/policy';
import * as tasks from './tasks';
import type { Actor } from '../actor';
import type { StoredFile } from '../files/uploads';
import {
	dueDate,
	gridState,
	periodLabel,
	periodOf,
	periodsOf,
	unitKey,
	type GridState,
	type UnitRef
} from '../../plan';

export const MAX_ATTACHMENTS = 10;

/** Whether the user files reports for the unit: its own officers only (the district reviews). */
export function mayFile(actor: Actor, unit: UnitRef) {
	return actor.role === 'system' || can(actor, 'file', 'plan_report', units.ownerOfUnit(unit));
}

export function get(id: number) {
	const r = db.select().from(progressReport).where(eq(progressReport.id, id)).get();
	if (!r) return undefined;
	return { ...r, attachments: attachmentsOf([r.id]) };
}

export function find(taskId: number, key: string, period: string) {
	const r = db
		.select()
		.from(progressReport)
		.where(
			and(
				eq(progressReport.taskId, taskId),
				eq(progressReport.unitKey, key),
				eq(progressReport.period, period)
			)
		)
		.get();
	return r && { ...r, attachments: attachmentsOf([r.id]) };
}

function attachmentsOf(ids: number[]) {
	if (!ids.length) return [];
	return db
		.select()
		.from(progressAttachment)
		.where(inArray(progressAttachment.reportId, ids))
		.orderBy(asc(progressAttachment.id))
		.all();
}

/** The unit's reports of a year, newest period first. */
export function ofUnit(year: number, key: string) {
	const taskIds = tasks.list(year).map((t) => t.id);
	if (!taskIds.length) return [];
	return db
		.select()
		.from(progressReport)
		.where(and(eq(progressReport.unitKey, key), inArray(progressReport.taskId, taskIds)))
		.all()
		.sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : a.taskId - b.taskId));
}

export type ReportInput = {
	taskId: number;
	unit: UnitRef;
	period: string;
	text: string;
	figures: string;
};

/**
 * Writes the unit's report for the period (a draft, or `submit`ted), with new attachments and
 * without the removed ones. A submitted or accepted report is not changed; a returned one is
 * fixed and submitted again. The first submission's day decides on time or late.
 */
export function save(
	actor: Actor,
	input: ReportInput,
	files: { add?: StoredFile[]; remove?: number[] } = {},
	submit = false,
	now = new Date()
) {
	const task = tasks.byId(input.taskId);
	if (!task) throw new DomainError('taskId', '该任务不存在');
	const key = unitKey(input.unit);
	if (!task.units.some((u) => u.key === key))
		throw new DomainError('_', '该单位不是这项任务的责任单位');
	if (!mayFile(actor, input.unit)) throw new DomainError('_', '您只能报送本单位的工作进展');
	const cadence = tasks.settings(task.year).cadence;
	if (!periodsOf(task.year, cadence).includes(input.period))
		throw new DomainError(
			'period',
			`报送期间应为 ${task.year} 年的${cadence === 'monthly' ? '月份' : '季度'}`
		);
	if (input.period > periodOf(todayISO(now), cadence))
		throw new DomainError('period', '还没有到这个报送期间');
	if (submit && !input.text.trim()) throw new DomainError('text', '请填写工作进展后再报送');
	return db.transaction((tx) => {
		const before = find(task.id, key, input.period);
		if (before && (before.status === 'submitted' || before.status === 'accepted'))
			throw new DomainError('_', '已报送的进展不能修改；如需修改，请联系区级管理员退回');
		const remove = (files.remove ?? []).filter((id) =>
			before?.attachments.some((a) => a.id === id)
		);
		const add = files.add ?? [];
		if ((before?.attachments.length ?? 0) - remove.length + add.length > MAX_ATTACHMENTS)
			throw new DomainError('files', `每份报送最多 ${MAX_ATTACHMENTS} 个附件`);
		const fields = {
			text: input.text,
			figures: input.figures,
			status: submit ? ('submitted' as const) : (before?.status ?? ('draft' as const)),
			...(submit
				? { submittedAt: now, firstSubmittedOn: before?.firstSubmittedOn ?? todayISO(now) }
				: {}),
			updatedAt: now
		};
		const row = before
			? tx
					.update(progressReport)
					.set(fields)
					.where(eq(progressReport.id, before.id))
					.returning()
					.get()
			: tx
					.insert(progressReport)
					.values({
						taskId: task.id,
						townId: input.unit.kind === 'town' ? input.unit.id : null,
						departmentId: input.unit.kind === 'department' ? input.unit.id : null,
						unitKey: key,
						period: input.period,
						createdBy: actor.id,
						createdAt: now,
						...fields
					})
					.returning()
					.get();
		if (remove.length)
			tx.delete(progressAttachment)
				.where(and(eq(progressAttachment.reportId, row.id), inArray(progressAttachment.id, remove)))
				.run();
		for (const f of add)
			tx.insert(progressAttachment)
				.values({
					reportId: row.id,
					key: f.key,
					name: f.name,
					kind: f.kind,
					size: f.size,
					createdAt: now
				})
				.run();
		audit.record(tx, actor, {
			action: submit ? 'progress_report.submit' : 'progress_report.save',
			entityType: 'progress_report',
			entityId: row.id,
			townId: row.townId,
			before,
			after: { ...row, attachments: add.map((f) => f.name) }
		});
		return row;
	});
}

function review(
	actor: Actor,
	id: number,
	to: 'returned' | 'accepted',
	comment: string,
	now: Date
): ProgressReport {
	if (actor.role !== 'district_admin' && actor.role !== 'system')
		throw new DomainError('_', '只有区级管理员可以审核工作进展');
	return db.transaction((tx) => {
		const before = tx.select().from(progressReport).where(eq(progressReport.id, id)).get();
		if (!before) throw new DomainError('_', '该报送不存在');
		if (before.status !== 'submitted') throw new DomainError('_', '只能审核已报送、尚未审核的进展');
		const after = tx
			.update(progressReport)
			.set({
				status: to,
				returnComment: to === 'returned' ? comment : before.returnComment,
				reviewedAt: now,
				reviewedBy: actor.id,
				updatedAt: now
			})
			.where(eq(progressReport.id, id))
			.returning()
			.get();
		audit.record(tx, actor, {
			action: to === 'returned' ? 'progress_report.return' : 'progress_report.accept',
			entityType: 'progress_report',
			entityId: id,
			townId: after.townId,
			before,
			after
		});
		return after;
	});
}

/** 退回修改: back to the unit with what to fix. */
export function sendBack(actor: Actor, id: number, comment: string, now = new Date()) {
	if (!comment.trim()) throw new DomainError('comment', '请写明需要修改的内容');
	return review(actor, id, 'returned', comment.trim(), now);
}

export function accept(actor: Actor, id: number, now = new Date()) {
	return review(actor, id, 'accepted', '', now);
}

export type GridCell = {
	period: string;
	due: string;
	state: GridState;
	reportId: number | null;
};

export type GridRow = { task: tasks.TaskWithUnits; unit: units.Unit; cells: GridCell[] };

/**
 * Tasks × units × periods for a year: every responsible unit of every task, one cell per period
 * (on time, late, returned, missing or not yet due). `unitKeys` narrows to some units.
 */
export function grid(year: number, opts: { unitKeys?: string[]; today?: string } = {}) {
	const today = opts.today ?? todayISO();
	const s = tasks.settings(year);
	const periods = periodsOf(year, s.cadence);
	const list = tasks.list(year);
	const reports = list.length
		? db
				.select()
				.from(progressReport)
				.where(
					inArray(
						progressReport.taskId,
						list.map((t) => t.id)
					)
				)
				.all()
		: [];
	const byKey = new Map(reports.map((r) => [`${r.taskId}|${r.unitKey}|${r.period}`, r]));
	const rows: GridRow[] = [];
	for (const task of list)
		for (const unit of task.units) {
			if (opts.unitKeys && !opts.unitKeys.includes(unit.key)) continue;
			rows.push({
				task,
				unit,
				cells: periods.map((period) => {
					const r = byKey.get(`${task.id}|${unit.key}|${period}`);
					const due = dueDate(period, s.dueDay);
					return { period, due, state: gridState(r, due, today), reportId: r?.id ?? null };
				})
			});
		}
	return { year, cadence: s.cadence, dueDay: s.dueDay, periods, rows };
}

/** Whether a period (YYYY-MM, or YYYY-Qn through its last month) ends by the month `through`. */
function upTo(period: string, through: string | undefined) {
	if (!through) return true;
	const last = period.includes('-Q')
		? `${period.slice(0, 4)}-${String(Number(period.slice(6)) * 3).padStart(2, '0')}`
		: period;
	return last <= through;
}

export type Missing = {
	row: number;
	title: string;
	unit: string;
	period: string;
	/** The period as a key (YYYY-MM or YYYY-Qn), for ordering. */
	periodKey: string;
	due: string;
};

/**
 * Reports past their due day and not submitted as of `asOf`, for periods up to `through`
 * (YYYY-MM; a quarter counts through its last month): the bulletin's list.
 */
export function missing(year: number, asOf = todayISO(), through?: string): Missing[] {
	return grid(year, { today: asOf }).rows.flatMap((r) =>
		r.cells
			.filter((c) => c.state === 'missing' && upTo(c.period, through))
			.map((c) => ({
				row: r.task.row,
				title: r.task.title,
				unit: r.unit.name,
				period: periodLabel(c.period),
				periodKey: c.period,
				due: c.due
			}))
	);
}

export type MissingOfUnit = {
	unit: string;
	/** Reports past their due day and not submitted. */
	count: number;
	/** Whether the unit has submitted none of the reports due so far. */
	none: boolean;
	rows: number[];
	earliest: string;
};

/**
 * The same reports summed per unit, most missing first: a bulletin names each unit once with
 * how many reports it owes, for which tasks and since which period — and whether it has filed
 * nothing at all.
 */
export function missingByUnit(year: number, asOf = todayISO(), through?: string): MissingOfUnit[] {
	const byUnit = new Map<string, MissingOfUnit & { due: number; key: string }>();
	for (const r of grid(year, { today: asOf }).rows) {
		const due = r.cells.filter((c) => c.state !== 'pending' && upTo(c.period, through));
		const owed = due.filter((c) => c.state === 'missing');
		const u = byUnit.get(r.unit.name) ?? {
			unit: r.unit.name,
			count: 0,
			due: 0,
			none: false,
			rows: [],
			earliest: '',
			key: '~'
		};
		u.due += due.length;
		u.count += owed.length;
		if (owed.length) u.rows.push(r.task.row);
		for (const c of owed)
			if (c.period < u.key) Object.assign(u, { key: c.period, earliest: periodLabel(c.period) });
		byUnit.set(r.unit.name, u);
	}
	return [...byUnit.values()]
		.filter((u) => u.count > 0)
		.map((u) => ({
			unit: u.unit,
			count: u.count,
			none: u.count === u.due,
			rows: [...new Set(u.rows)].sort((a, b) => a - b),
			earliest: u.earliest
		}))
		.sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit, 'zh-CN'));
}

/**
 * An officer's reports to write now: each task and period of their unit that is due or past due
 * and not submitted, and each report sent back — one entry for the work-due list.
 */
export function dueFor(
	user: Actor,
	today = todayISO()
): { label: string; count: number; href: string } | null {
	const unit = units.ofUser(user);
	if (!unit) return null;
	const year = Number(today.slice(0, 4));
	const g = grid(year, { unitKeys: [unit.key], today });
	// the period just ended is due now, before its due day: it counts as to do
	const current = periodOf(today, g.cadence);
	const n = g.rows.reduce(
		(sum, r) =>
			sum +
			r.cells.filter(
				(c) =>
					c.state === 'missing' ||
					c.state === 'returned' ||
					(c.state === 'pending' && c.period < current)
			).length,
		0
	);
	return { label: '待报送的工作进展', count: n, href: '/staff/plan/reports' };
}

/** An attachment with its report's owner columns, for the download's access check. */
export function attachment(id: number) {
	const a = db.select().from(progressAttachment).where(eq(progressAttachment.id, id)).get();
	if (!a) return undefined;
	const r = db.select().from(progressReport).where(eq(progressReport.id, a.reportId)).get();
	return r && { ...a, report: { townId: r.townId, departmentId: r.departmentId } };
}
