/**
 * Credit-town demonstration creation (信用街镇示范创建): a town's application against a version of
 * the credit-town creation standard, its statement and evidence files per item, and its life from
 * draft to 已命名 (with the day named, the last valid day and the next yearly review) or 未通过.
 * The district's scoring is an inspection of the streets' engine (`inspection.credit_town_id`).
 */
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { town } from './towns';
import { user } from './users';
import { standard, standardItem } from './streets';
import { CREDIT_TOWN_STATUSES } from '../../../credit-towns';
import { ATTACHMENT_KINDS } from '../../../plan';

export const creditTown = sqliteTable(
	'credit_town',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		townId: integer()
			.notNull()
			.references(() => town.id),
		/** The standard version the town applies against, kept for good. */
		standardId: integer()
			.notNull()
			.references(() => standard.id),
		status: text({ enum: CREDIT_TOWN_STATUSES }).notNull().default('draft'),
		/** The town's covering note (申报说明). */
		note: text().notNull().default(''),
		/** Shanghai dates, YYYY-MM-DD. */
		submittedOn: text(),
		acceptedOn: text(),
		decidedOn: text(),
		namedOn: text(),
		validUntil: text(),
		reviewDueOn: text(),
		reviewedOn: text(),
		endedOn: text(),
		/** The district's comment when it returns the application (退回修改). */
		returnComment: text().notNull().default(''),
		/** Why it failed (未通过) or was revoked (撤销). */
		reason: text().notNull().default(''),
		/** The latest scoring inspection (no foreign key: the inspection points back here). */
		inspectionId: integer(),
		total: real(),
		createdBy: integer().references(() => user.id),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('credit_town_town_idx').on(t.townId, t.status),
		index('credit_town_status_idx').on(t.status)
	]
);

export type CreditTown = typeof creditTown.$inferSelect;

/** The town's statement for one item of the standard. */
export const creditTownEvidence = sqliteTable(
	'credit_town_evidence',
	{
		creditTownId: integer()
			.notNull()
			.references(() => creditTown.id, { onDelete: 'cascade' }),
		itemId: integer()
			.notNull()
			.references(() => standardItem.id),
		text: text().notNull().default('')
	},
	(t) => [primaryKey({ columns: [t.creditTownId, t.itemId] })]
);

export type CreditTownEvidence = typeof creditTownEvidence.$inferSelect;

/** An evidence file for one item (PDF, image, Word or Excel), staff-only. */
export const creditTownFile = sqliteTable(
	'credit_town_file',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		creditTownId: integer()
			.notNull()
			.references(() => creditTown.id, { onDelete: 'cascade' }),
		itemId: integer()
			.notNull()
			.references(() => standardItem.id),
		key: text().notNull(),
		name: text().notNull(),
		kind: text({ enum: ATTACHMENT_KINDS }).notNull(),
		size: integer().notNull(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('credit_town_file_app_idx').on(t.creditTownId, t.itemId)]
);

export type CreditTownFile = typeof creditTownFile.$inferSelect;
