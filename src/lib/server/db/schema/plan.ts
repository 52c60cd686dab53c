/**
 * The work plan as the district runs it: district departments (the second kind of responsible
 * unit beside towns), the plan's tasks per year with their responsible units, and the units'
 * progress reports with attachments.
 */
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { town } from './towns';
import { user } from './users';
import { ATTACHMENT_KINDS, CADENCES, REPORT_STATUSES } from '../../../plan';

/** 区级部门: a district department named in the plan as a responsible unit. */
export const department = sqliteTable('department', {
	id: integer().primaryKey({ autoIncrement: true }),
	name: text().notNull().unique(),
	sortOrder: integer().notNull().default(0),
	active: integer({ mode: 'boolean' }).notNull().default(true)
});

export type Department = typeof department.$inferSelect;

/** The one department a department officer answers for. */
export const userDepartment = sqliteTable('user_department', {
	userId: integer()
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	departmentId: integer()
		.notNull()
		.references(() => department.id)
});

/** A year's plan: how often units report and by which day of the following month. */
export const planYear = sqliteTable('plan_year', {
	year: integer().primaryKey(),
	cadence: text({ enum: CADENCES }).notNull().default('monthly'),
	dueDay: integer().notNull().default(5)
});

export type PlanYear = typeof planYear.$inferSelect;

/** A task of the year's plan: one row of the task table (37–42 …). */
export const planTask = sqliteTable(
	'plan_task',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		year: integer().notNull(),
		row: integer().notNull(),
		/** 工作要点 number the row serves (21, 22, 23). */
		workPoint: integer().notNull(),
		title: text().notNull(),
		/** The plan's own words for the task. */
		text: text().notNull(),
		/** Every active town answers for the task too (各街镇园区). */
		allTowns: integer({ mode: 'boolean' }).notNull().default(false),
		/** Responsible units the system does not hold as records (联席会议成员单位). */
		unitsNote: text().notNull().default('')
	},
	(t) => [uniqueIndex('plan_task_year_row_uq').on(t.year, t.row)]
);

export type PlanTask = typeof planTask.$inferSelect;

export const planTaskDepartment = sqliteTable(
	'plan_task_department',
	{
		taskId: integer()
			.notNull()
			.references(() => planTask.id, { onDelete: 'cascade' }),
		departmentId: integer()
			.notNull()
			.references(() => department.id)
	},
	(t) => [primaryKey({ columns: [t.taskId, t.departmentId] })]
);

/**
 * 工作进展报送: one unit's report on one task for one period. Exactly one of `townId` and
 * `departmentId` is set; `unitKey` (`town-3`, `department-2`) makes one report per unit and period.
 */
export const progressReport = sqliteTable(
	'progress_report',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		taskId: integer()
			.notNull()
			.references(() => planTask.id, { onDelete: 'cascade' }),
		townId: integer().references(() => town.id),
		departmentId: integer().references(() => department.id),
		unitKey: text().notNull(),
		/** `2026-03` or `2026-Q1`. */
		period: text().notNull(),
		status: text({ enum: REPORT_STATUSES }).notNull().default('draft'),
		text: text().notNull().default(''),
		/** The unit's own figures, one `名称：数值` a line. */
		figures: text().notNull().default(''),
		/** Shanghai date of the first submission: on time or late is judged by it. */
		firstSubmittedOn: text(),
		submittedAt: integer({ mode: 'timestamp_ms' }),
		returnComment: text().notNull().default(''),
		reviewedAt: integer({ mode: 'timestamp_ms' }),
		reviewedBy: integer().references(() => user.id),
		createdBy: integer().references(() => user.id),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('progress_report_unit_period_uq').on(t.taskId, t.unitKey, t.period),
		index('progress_report_period_idx').on(t.period)
	]
);

export type ProgressReport = typeof progressReport.$inferSelect;

export const progressAttachment = sqliteTable(
	'progress_attachment',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		reportId: integer()
			.notNull()
			.references(() => progressReport.id, { onDelete: 'cascade' }),
		key: text().notNull(),
		name: text().notNull(),
		kind: text({ enum: ATTACHMENT_KINDS }).notNull(),
		size: integer().notNull(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('progress_attachment_report_idx').on(t.reportId)]
);

export type ProgressAttachment = typeof progressAttachment.$inferSelect;
