/**
 * QR badges, scans and consumer feedback: the code printed on each badge (with its generation, so
 * a reprint voids the old code) and its QR drawn once, scan counts per badge per day, and the
 * feedback consumers leave with the officers' decision and the merchant's reply.
 */
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { badge, merchant } from './streets';
import { town } from './towns';
import { user } from './users';
import {
	FEEDBACK_CATEGORIES,
	FEEDBACK_SOURCES,
	FEEDBACK_STATUSES,
	type FeedbackCategory,
	type FeedbackSource,
	type FeedbackStatus
} from '../../../feedback';

/** The printed code of a badge. Raising `generation` voids every code printed before. */
export const badgeCode = sqliteTable('badge_code', {
	badgeId: integer()
		.primaryKey()
		.references(() => badge.id),
	generation: integer().notNull().default(0),
	code: text().notNull(),
	/** The URL the QR holds, as drawn; a change of ORIGIN draws the QR again. */
	url: text().notNull(),
	qrPng: blob({ mode: 'buffer' }).notNull(),
	qrSvg: text().notNull(),
	qrVersion: integer().notNull(),
	issuedAt: integer({ mode: 'timestamp_ms' }).notNull(),
	issuedBy: integer().references(() => user.id)
});

export type BadgeCode = typeof badgeCode.$inferSelect;

/**
 * Scans per badge per Shanghai day, with no personal data. `staleScans` counts the scans made
 * while the badge was revoked or expired, or with a code voided by a reprint: the plaque is
 * still on display.
 */
export const badgeScan = sqliteTable(
	'badge_scan',
	{
		badgeId: integer()
			.notNull()
			.references(() => badge.id),
		day: text().notNull(),
		scans: integer().notNull().default(0),
		staleScans: integer().notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.badgeId, t.day] }), index('badge_scan_day_idx').on(t.day)]
);

export type BadgeScan = typeof badgeScan.$inferSelect;

export { FEEDBACK_CATEGORIES, FEEDBACK_SOURCES, FEEDBACK_STATUSES };
export type { FeedbackCategory, FeedbackSource, FeedbackStatus };

export const feedback = sqliteTable(
	'feedback',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		/** Null for a report of a forged code, which names no merchant we know. */
		merchantId: integer().references(() => merchant.id),
		/** Null for a forged-code report: district admins handle those. */
		townId: integer().references(() => town.id),
		badgeId: integer().references(() => badge.id),
		source: text({ enum: FEEDBACK_SOURCES }).notNull(),
		category: text({ enum: FEEDBACK_CATEGORIES }).notNull(),
		body: text().notNull(),
		/** For a forged-code report: where the sticker was seen, and the code as scanned. */
		place: text().notNull().default(''),
		scannedCode: text().notNull().default(''),
		photoKey: text(),
		/** Officers only; shown masked. */
		phone: text().notNull().default(''),
		status: text({ enum: FEEDBACK_STATUSES }).notNull().default('pending'),
		officerNote: text().notNull().default(''),
		decidedAt: integer({ mode: 'timestamp_ms' }),
		decidedBy: integer().references(() => user.id),
		/** The archive entry a verified complaint made. */
		archiveEntryId: integer(),
		points: integer(),
		/** 商户回应: the merchant's own words, entered by an officer on its behalf. */
		reply: text().notNull().default(''),
		replyAt: integer({ mode: 'timestamp_ms' }),
		replyBy: integer().references(() => user.id),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('feedback_town_status_idx').on(t.townId, t.status, t.createdAt),
		index('feedback_merchant_idx').on(t.merchantId, t.createdAt),
		index('feedback_status_idx').on(t.status, t.createdAt)
	]
);

export type Feedback = typeof feedback.$inferSelect;
