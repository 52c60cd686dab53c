/**
 * Honest-metrology demonstration units (诚信计量示范单位): wet markets, supermarkets, petrol
 * stations and the like, with their status, their public fair scales (公平秤) and the scales' check
 * log. Their instruments are in the one instrument register (`instrument.unit_id`); their
 * inspections are the streets' inspections against the unit standard (`inspection.unit_id`).
 */
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { town } from './towns';
import { user } from './users';
import { SCALE_CHECK_RESULTS, UNIT_KINDS, UNIT_STATUSES } from '../../../metrology';

export const metrologyUnit = sqliteTable(
	'metrology_unit',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		name: text().notNull(),
		kind: text({ enum: UNIT_KINDS }).notNull(),
		uscc: text().notNull(),
		townId: integer()
			.notNull()
			.references(() => town.id),
		address: text().notNull().default(''),
		/** WGS-84. */
		lat: real(),
		lng: real(),
		contactName: text().notNull().default(''),
		contactPhone: text().notNull().default(''),
		status: text({ enum: UNIT_STATUSES }).notNull().default('building'),
		/** YYYY-MM-DD: named (命名), last yearly review (年度复核), revoked (撤销). */
		namedOn: text(),
		reviewedOn: text(),
		revokedOn: text(),
		revokeReason: text().notNull().default(''),
		lastInspectionId: integer(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('metrology_unit_uscc_uq').on(t.uscc),
		index('metrology_unit_town_idx').on(t.townId, t.status)
	]
);

export type MetrologyUnit = typeof metrologyUnit.$inferSelect;

/** A market's public fair scale (公平秤). */
export const fairScale = sqliteTable(
	'fair_scale',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		unitId: integer()
			.notNull()
			.references(() => metrologyUnit.id),
		serial: text().notNull(),
		/** Where shoppers find it, e.g. 市场东门服务台. */
		place: text().notNull().default(''),
		active: integer({ mode: 'boolean' }).notNull().default(true),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('fair_scale_unit_idx').on(t.unitId)]
);

export type FairScale = typeof fairScale.$inferSelect;

export const fairScaleCheck = sqliteTable(
	'fair_scale_check',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		scaleId: integer()
			.notNull()
			.references(() => fairScale.id, { onDelete: 'cascade' }),
		checkedOn: text().notNull(),
		checker: text().notNull(),
		result: text({ enum: SCALE_CHECK_RESULTS }).notNull(),
		note: text().notNull().default(''),
		createdBy: integer().references(() => user.id),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('fair_scale_check_scale_idx').on(t.scaleId, t.checkedOn)]
);

export type FairScaleCheck = typeof fairScaleCheck.$inferSelect;
