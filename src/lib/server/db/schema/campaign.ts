import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { town } from './towns';
import { user } from './users';
import { COMMITMENT_STATUSES, REPORT_STATUSES } from '../../../campaign';

/** A campaign year and the district's targets for it. */
export const campaignYear = sqliteTable('campaign_year', {
	year: integer().primaryKey(),
	commitmentTarget: integer().notNull().default(5000),
	reportTarget: integer().notNull().default(100)
});

export type CampaignYear = typeof campaignYear.$inferSelect;

/** Each town's share of a year's targets. */
export const townTarget = sqliteTable(
	'town_target',
	{
		year: integer()
			.notNull()
			.references(() => campaignYear.year, { onDelete: 'cascade' }),
		townId: integer()
			.notNull()
			.references(() => town.id),
		commitmentTarget: integer().notNull().default(0),
		reportTarget: integer().notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.year, t.townId] })]
);

export type TownTarget = typeof townTarget.$inferSelect;

/** 市场主体, one per 统一社会信用代码; counted for the town it belongs to now. */
export const enterprise = sqliteTable(
	'enterprise',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		uscc: text().notNull().unique(),
		name: text().notNull(),
		townId: integer()
			.notNull()
			.references(() => town.id),
		address: text(),
		industry: text(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('enterprise_town_idx').on(t.townId), index('enterprise_name_idx').on(t.name)]
);

export type Enterprise = typeof enterprise.$inferSelect;

/** 信用承诺公示. The same enterprise, year, type and date is one disclosure, so imports repeat safely. */
export const commitment = sqliteTable(
	'commitment',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		enterpriseId: integer()
			.notNull()
			.references(() => enterprise.id),
		year: integer().notNull(),
		type: text().notNull(),
		disclosedOn: text().notNull(),
		channel: text().notNull(),
		link: text(),
		status: text({ enum: COMMITMENT_STATUSES }).notNull().default('published'),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdBy: integer().references(() => user.id),
		withdrawnAt: integer({ mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('commitment_natural_idx').on(t.enterpriseId, t.year, t.type, t.disclosedOn),
		index('commitment_year_status_idx').on(t.year, t.status, t.enterpriseId, t.disclosedOn),
		index('commitment_year_date_idx').on(t.year, t.status, t.disclosedOn),
		index('commitment_status_date_idx').on(t.status, t.disclosedOn)
	]
);

export type Commitment = typeof commitment.$inferSelect;

/** 补充信息公示及信用报告: one per enterprise and year, moving applied → disclosed → issued. */
export const creditReport = sqliteTable(
	'credit_report',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		enterpriseId: integer()
			.notNull()
			.references(() => enterprise.id),
		year: integer().notNull(),
		/** 补充信息项, e.g. ["纳税","社保"]. */
		items: text({ mode: 'json' }).$type<string[]>().notNull(),
		disclosedOn: text(),
		reportNo: text(),
		agency: text(),
		issuedOn: text(),
		pdfKey: text(),
		status: text({ enum: REPORT_STATUSES }).notNull().default('applied'),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('credit_report_natural_idx').on(t.enterpriseId, t.year),
		index('credit_report_year_status_idx').on(t.year, t.status, t.enterpriseId)
	]
);

export type CreditReport = typeof creditReport.$inferSelect;

/** 进度填报: a town's own dated figures, shown beside the itemised counts. */
export const countReport = sqliteTable(
	'count_report',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		townId: integer()
			.notNull()
			.references(() => town.id),
		year: integer().notNull(),
		asOf: text().notNull(),
		commitments: integer().notNull(),
		reports: integer().notNull(),
		note: text(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdBy: integer().references(() => user.id),
		/** The filing this one corrects; that one stays, voided, in the history. */
		supersedesId: integer().references((): AnySQLiteColumn => countReport.id),
		/** Why this filing corrects the earlier one. */
		reason: text().notNull().default(''),
		/** Set when corrected by a later filing or withdrawn; a voided filing no longer counts. */
		voidedAt: integer({ mode: 'timestamp_ms' }),
		voidedBy: integer().references(() => user.id),
		/** Why it was corrected or withdrawn. */
		voidReason: text().notNull().default('')
	},
	(t) => [index('count_report_town_idx').on(t.year, t.townId, t.asOf)]
);

export type CountReport = typeof countReport.$inferSelect;
