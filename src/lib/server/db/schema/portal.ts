/**
 * The merchant's own accounts and the loop around a rating: which shops an account speaks for,
 * the replies it writes (moderated before they are public), its re-inspection requests and
 * appeals, its signature of the street's commitment and convention, the consumer's receipt for a
 * complaint, and the officers' "handled" mark on a flagged plaque.
 */
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { archiveEntry, badge, inspection, merchant, street } from './streets';
import { feedback } from './badges';
import { town } from './towns';
import { user } from './users';
import {
	APPEAL_STATUSES,
	REINSPECTION_STATUSES,
	REPLY_STATUSES,
	REPLY_TARGETS
} from '../../../portal';

/** Columns every record of the loop carries: its merchant and town, who made it and when. */
const owned = () => ({
	merchantId: integer()
		.notNull()
		.references(() => merchant.id),
	townId: integer()
		.notNull()
		.references(() => town.id),
	createdBy: integer().references(() => user.id),
	createdAt: integer({ mode: 'timestamp_ms' }).notNull()
});

/** The shops a merchant account speaks for: one, or several for a chain. */
export const userMerchant = sqliteTable(
	'user_merchant',
	{
		userId: integer()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		merchantId: integer()
			.notNull()
			.references(() => merchant.id)
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.merchantId] }),
		index('user_merchant_merchant_idx').on(t.merchantId)
	]
);

/** 商户回应 written by the merchant itself; public only once an officer approved it. */
export const merchantReply = sqliteTable(
	'merchant_reply',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		...owned(),
		targetType: text({ enum: REPLY_TARGETS }).notNull(),
		targetId: integer().notNull(),
		body: text().notNull(),
		status: text({ enum: REPLY_STATUSES }).notNull().default('pending'),
		/** Why an officer refused it, shown to the merchant. */
		refusal: text().notNull().default(''),
		decidedBy: integer().references(() => user.id),
		decidedAt: integer({ mode: 'timestamp_ms' })
	},
	(t) => [
		index('merchant_reply_town_status_idx').on(t.townId, t.status, t.createdAt),
		index('merchant_reply_target_idx').on(t.targetType, t.targetId)
	]
);

export type MerchantReply = typeof merchantReply.$inferSelect;

/** 整改复查申请: "we have fixed it, come back". */
export const reinspectionRequest = sqliteTable(
	'reinspection_request',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		...owned(),
		note: text().notNull(),
		status: text({ enum: REINSPECTION_STATUSES }).notNull().default('open'),
		closedBy: integer().references(() => user.id),
		closedAt: integer({ mode: 'timestamp_ms' }),
		closeNote: text().notNull().default(''),
		/** The inspection that closed it, when a submitted inspection did. */
		inspectionId: integer().references(() => inspection.id)
	},
	(t) => [index('reinspection_town_status_idx').on(t.townId, t.status, t.createdAt)]
);

export type ReinspectionRequest = typeof reinspectionRequest.$inferSelect;

/** 申诉 against a 属实 finding or a deduction (an archive entry that took points). */
export const appeal = sqliteTable(
	'appeal',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		...owned(),
		archiveEntryId: integer()
			.notNull()
			.references(() => archiveEntry.id),
		statement: text().notNull(),
		/** Upload keys (uploads.storeImage). */
		evidenceKeys: text({ mode: 'json' }).$type<string[]>().notNull().default([]),
		status: text({ enum: APPEAL_STATUSES }).notNull().default('pending'),
		decision: text().notNull().default(''),
		decidedBy: integer().references(() => user.id),
		decidedAt: integer({ mode: 'timestamp_ms' }),
		/** The archive entry that gave the points back. */
		reversalEntryId: integer().references(() => archiveEntry.id)
	},
	(t) => [
		index('appeal_status_idx').on(t.status, t.createdAt),
		index('appeal_entry_idx').on(t.archiveEntryId)
	]
);

export type Appeal = typeof appeal.$inferSelect;

/**
 * The merchant's signature of its street's honesty commitment and self-discipline convention.
 * Current only while `conventionVersion` matches the street's convention as it reads now.
 */
export const commitmentSignature = sqliteTable(
	'commitment_signature',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		merchantId: integer()
			.notNull()
			.references(() => merchant.id),
		streetId: integer()
			.notNull()
			.references(() => street.id),
		conventionVersion: text().notNull(),
		conventionText: text().notNull(),
		signerName: text().notNull(),
		signedBy: integer().references(() => user.id),
		signedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('commitment_signature_merchant_idx').on(t.merchantId, t.signedAt)]
);

export type CommitmentSignature = typeof commitmentSignature.$inferSelect;

/** The consumer's receipt: a number to quote, and the hash of the private link's token. */
export const feedbackReceipt = sqliteTable(
	'feedback_receipt',
	{
		feedbackId: integer()
			.primaryKey()
			.references(() => feedback.id),
		receiptNo: text().notNull(),
		tokenHash: text().notNull(),
		/** The officer's answer to the consumer, shown on the private receipt page only. */
		answer: text().notNull().default('')
	},
	(t) => [
		uniqueIndex('feedback_receipt_no_uq').on(t.receiptNo),
		uniqueIndex('feedback_receipt_token_uq').on(t.tokenHash)
	]
);

/** A flagged plaque (a void code still scanned) marked handled, with the stale count then. */
export const scanFlagHandled = sqliteTable('scan_flag_handled', {
	badgeId: integer()
		.primaryKey()
		.references(() => badge.id),
	staleScans: integer().notNull(),
	handledBy: integer().references(() => user.id),
	handledAt: integer({ mode: 'timestamp_ms' }).notNull()
});
