/**
 * Honesty demonstration streets (诚信示范街): streets, their merchants, versioned standards,
 * inspections scored item by item, badges, the honesty archive with its point changes, and the
 * merchants' measuring instruments.
 */
import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { town } from './towns';
import { user } from './users';
import { metrologyUnit } from './metrology';
import * as vocab from '../../../streets';
import type { StreetGeometry } from '../../../streets';

export {
	ARCHIVE_KINDS,
	BADGE_LEVELS,
	BADGE_STATES,
	INSPECTION_STATUSES,
	INSTRUMENT_TYPES,
	LEVELS,
	MERCHANT_CATEGORIES,
	STANDARD_KINDS,
	STANDARD_STATUSES,
	STREET_STATUSES,
	SUPERVISION_KINDS,
	TRADING_STATUSES
} from '../../../streets';
export type {
	ArchiveKind,
	BadgeLevel,
	BadgeState,
	InspectionStatus,
	InstrumentType,
	Level,
	MerchantCategory,
	StandardKind,
	StandardStatus,
	StreetGeometry,
	StreetStatus,
	SupervisionKind,
	TradingStatus
} from '../../../streets';

export const street = sqliteTable(
	'street',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		townId: integer()
			.notNull()
			.references(() => town.id),
		name: text().notNull(),
		geometry: text({ mode: 'json' }).$type<StreetGeometry>(),
		status: text({ enum: vocab.STREET_STATUSES }).notNull().default('building'),
		/** 自律公约: the street's self-discipline convention, shown publicly. */
		convention: text().notNull().default(''),
		description: text().notNull().default(''),
		committeeContact: text().notNull().default(''),
		committeePhone: text().notNull().default(''),
		awardedOn: text(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('street_town_idx').on(t.townId),
		uniqueIndex('street_town_name_uq').on(t.townId, t.name)
	]
);

export type Street = typeof street.$inferSelect;

export const merchant = sqliteTable(
	'merchant',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		streetId: integer()
			.notNull()
			.references(() => street.id),
		/** The street's town, kept here so town scoping and the open-data filters need no join. */
		townId: integer()
			.notNull()
			.references(() => town.id),
		name: text().notNull(),
		uscc: text().notNull(),
		address: text().notNull().default(''),
		/** WGS-84. */
		lat: real(),
		lng: real(),
		category: text({ enum: vocab.MERCHANT_CATEGORIES }).notNull().default('other'),
		photoKey: text(),
		tradingStatus: text({ enum: vocab.TRADING_STATUSES }).notNull().default('open'),
		contactName: text().notNull().default(''),
		contactPhone: text().notNull().default(''),
		/** Derived, kept current by every inspection and supervision event. */
		level: text({ enum: vocab.LEVELS }).notNull().default('none'),
		/** Running score: last inspection total + the point changes since; null before any inspection. */
		score: real(),
		lastInspectionId: integer().references((): AnySQLiteColumn => inspection.id),
		lastInspectedOn: text(),
		currentBadgeId: integer().references((): AnySQLiteColumn => badge.id),
		/** The metrology demonstration unit (a market) the merchant trades inside, if any. */
		unitId: integer().references(() => metrologyUnit.id),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('merchant_uscc_uq').on(t.uscc),
		index('merchant_street_idx').on(t.streetId),
		index('merchant_town_level_idx').on(t.townId, t.level),
		index('merchant_level_idx').on(t.level)
	]
);

export type Merchant = typeof merchant.$inferSelect;

/** One version of a checklist. Published versions are never edited; a change is a new version. */
export const standard = sqliteTable(
	'standard',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		kind: text({ enum: vocab.STANDARD_KINDS }).notNull(),
		version: integer().notNull(),
		name: text().notNull(),
		note: text().notNull().default(''),
		status: text({ enum: vocab.STANDARD_STATUSES }).notNull().default('draft'),
		/** The total a subject must reach to pass (the credit-town standard); null: the rating thresholds. */
		passMark: real(),
		publishedAt: integer({ mode: 'timestamp_ms' }),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdBy: integer().references(() => user.id)
	},
	(t) => [uniqueIndex('standard_kind_version_uq').on(t.kind, t.version)]
);

export type Standard = typeof standard.$inferSelect;

export const standardItem = sqliteTable(
	'standard_item',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		standardId: integer()
			.notNull()
			.references(() => standard.id, { onDelete: 'cascade' }),
		code: text().notNull(),
		groupName: text().notNull(),
		text: text().notNull(),
		guidance: text().notNull().default(''),
		/** Points for a scored item; 0 for a veto item, which is only hit or not. */
		maxPoints: real().notNull().default(0),
		veto: integer({ mode: 'boolean' }).notNull().default(false),
		/** The metrology item: the inspector sees the merchant's instruments beside it. */
		metrology: integer({ mode: 'boolean' }).notNull().default(false),
		sortOrder: integer().notNull().default(0)
	},
	(t) => [
		uniqueIndex('standard_item_code_uq').on(t.standardId, t.code),
		index('standard_item_standard_idx').on(t.standardId, t.sortOrder)
	]
);

export type StandardItem = typeof standardItem.$inferSelect;

/** 检查评审 of a merchant (merchant standard) or of a whole street (street creation standard). */
export const inspection = sqliteTable(
	'inspection',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		kind: text({ enum: vocab.STANDARD_KINDS }).notNull().default('merchant'),
		merchantId: integer().references(() => merchant.id),
		/** The street inspected, or the merchant's street; null for a metrology unit. */
		streetId: integer().references(() => street.id),
		/** The metrology demonstration unit inspected (unit standard). */
		unitId: integer().references(() => metrologyUnit.id),
		/** The credit-town application scored (credit-town standard). */
		creditTownId: integer(),
		townId: integer()
			.notNull()
			.references(() => town.id),
		/** The version scored against, kept for good. */
		standardId: integer()
			.notNull()
			.references(() => standard.id),
		inspectedOn: text().notNull(),
		status: text({ enum: vocab.INSPECTION_STATUSES }).notNull().default('draft'),
		total: real(),
		vetoHits: integer().notNull().default(0),
		result: text({ enum: vocab.LEVELS }),
		summary: text().notNull().default(''),
		createdBy: integer().references(() => user.id),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		submittedAt: integer({ mode: 'timestamp_ms' }),
		/** The submitted version this one amends (更正); that one is kept, marked superseded. */
		supersedesId: integer().references((): AnySQLiteColumn => inspection.id),
		/** Why it was amended: required for an amendment, shown in the archive. */
		amendReason: text().notNull().default('')
	},
	(t) => [
		index('inspection_merchant_idx').on(t.merchantId, t.inspectedOn),
		index('inspection_street_idx').on(t.streetId),
		index('inspection_unit_idx').on(t.unitId),
		index('inspection_town_idx').on(t.townId, t.inspectedOn),
		index('inspection_supersedes_idx').on(t.supersedesId),
		index('inspection_credit_town_idx').on(t.creditTownId)
	]
);

export type Inspection = typeof inspection.$inferSelect;

/** The inspectors who took part (one or more). */
export const inspectionInspector = sqliteTable(
	'inspection_inspector',
	{
		inspectionId: integer()
			.notNull()
			.references(() => inspection.id, { onDelete: 'cascade' }),
		userId: integer()
			.notNull()
			.references(() => user.id)
	},
	(t) => [primaryKey({ columns: [t.inspectionId, t.userId] })]
);

export const inspectionScore = sqliteTable(
	'inspection_score',
	{
		inspectionId: integer()
			.notNull()
			.references(() => inspection.id, { onDelete: 'cascade' }),
		itemId: integer()
			.notNull()
			.references(() => standardItem.id),
		points: real().notNull().default(0),
		vetoHit: integer({ mode: 'boolean' }).notNull().default(false),
		note: text().notNull().default(''),
		/** Upload keys of photo evidence (uploads.storeImage). */
		photoKeys: text({ mode: 'json' }).$type<string[]>().notNull().default([])
	},
	(t) => [primaryKey({ columns: [t.inspectionId, t.itemId] })]
);

export type InspectionScore = typeof inspectionScore.$inferSelect;

export const badge = sqliteTable(
	'badge',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		merchantId: integer()
			.notNull()
			.references(() => merchant.id),
		/** The level granted; a downgraded badge keeps it and shows its state instead. */
		level: text({ enum: vocab.BADGE_LEVELS }).notNull(),
		state: text({ enum: vocab.BADGE_STATES }).notNull().default('valid'),
		grantedAt: integer({ mode: 'timestamp_ms' }).notNull(),
		/** Last day of validity (inclusive), YYYY-MM-DD in Asia/Shanghai. */
		validUntil: text().notNull(),
		/** SJ-YYYY-NNNNNN, issued in sequence per year. */
		serial: text().notNull(),
		year: integer().notNull(),
		seq: integer().notNull(),
		inspectionId: integer().references(() => inspection.id),
		stateReason: text().notNull().default(''),
		stateChangedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('badge_serial_uq').on(t.serial),
		uniqueIndex('badge_year_seq_uq').on(t.year, t.seq),
		index('badge_merchant_idx').on(t.merchantId),
		index('badge_state_idx').on(t.state, t.validUntil)
	]
);

export type Badge = typeof badge.$inferSelect;

/**
 * 诚信计量: the one register of measuring instruments and their verification. Each belongs to a
 * merchant or to a metrology demonstration unit (exactly one of the two).
 */
export const instrument = sqliteTable(
	'instrument',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		merchantId: integer().references(() => merchant.id),
		unitId: integer().references(() => metrologyUnit.id),
		type: text({ enum: vocab.INSTRUMENT_TYPES }).notNull(),
		serial: text().notNull(),
		/** YYYY-MM-DD. */
		lastVerifiedOn: text(),
		nextDueOn: text(),
		certificateNo: text().notNull().default(''),
		retired: integer({ mode: 'boolean' }).notNull().default(false),
		note: text().notNull().default(''),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('instrument_merchant_idx').on(t.merchantId),
		index('instrument_unit_idx').on(t.unitId),
		check('instrument_owner_ck', sql`(merchant_id is null) <> (unit_id is null)`),
		index('instrument_due_idx').on(t.nextDueOn)
	]
);

export type Instrument = typeof instrument.$inferSelect;

/** 诚信档案: one timeline per merchant. */
export const archiveEntry = sqliteTable(
	'archive_entry',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		merchantId: integer()
			.notNull()
			.references(() => merchant.id),
		townId: integer()
			.notNull()
			.references(() => town.id),
		kind: text({ enum: vocab.ARCHIVE_KINDS }).notNull(),
		occurredAt: integer({ mode: 'timestamp_ms' }).notNull(),
		/** Point change for the running score (0 when none). */
		points: real().notNull().default(0),
		scoreAfter: real(),
		levelAfter: text({ enum: vocab.LEVELS }),
		title: text().notNull(),
		/** Shown on the public archive. */
		publicNote: text().notNull().default(''),
		/** Staff only. */
		internalNote: text().notNull().default(''),
		/** Complainant name / contact: staff only, never public. */
		complainant: text().notNull().default(''),
		/** Where the entry came from, e.g. 'feedback' + its id. */
		sourceType: text(),
		sourceId: text(),
		inspectionId: integer().references(() => inspection.id),
		badgeId: integer().references(() => badge.id),
		instrumentId: integer().references(() => instrument.id),
		/** Whether the public archive shows it at all. */
		public: integer({ mode: 'boolean' }).notNull().default(true),
		createdBy: integer().references(() => user.id),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('archive_merchant_idx').on(t.merchantId, t.occurredAt),
		index('archive_kind_idx').on(t.kind, t.occurredAt),
		index('archive_source_idx').on(t.sourceType, t.sourceId)
	]
);

export type ArchiveEntry = typeof archiveEntry.$inferSelect;
