import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/*
 * State that must hold across requests and across worker processes: throttles, rate limits,
 * staged imports, background-job leases and the content version. None of these tables bumps the
 * content version (see db/index.ts), so caches survive a login attempt or a scan.
 */

/** Failed attempts per throttled key (login per account, per client). */
export const throttle = sqliteTable(
	'throttle',
	{
		scope: text().notNull(),
		key: text().notNull(),
		failures: integer().notNull(),
		lastAt: integer().notNull(),
		untilAt: integer().notNull()
	},
	(t) => [primaryKey({ columns: [t.scope, t.key] }), index('throttle_last_idx').on(t.lastAt)]
);

/** One row per counted request of a sliding-window limit (feedback per client, per merchant). */
export const rateHit = sqliteTable(
	'rate_hit',
	{
		id: integer().primaryKey(),
		bucket: text().notNull(),
		at: integer().notNull()
	},
	(t) => [index('rate_hit_bucket_idx').on(t.bucket, t.at), index('rate_hit_at_idx').on(t.at)]
);

/** Checked rows of an import waiting for the user's commit, on whichever worker it arrives. */
export const stagedImport = sqliteTable(
	'staged_import',
	{
		token: text().primaryKey(),
		kind: text().notNull(),
		userId: integer(),
		filename: text().notNull(),
		payload: text().notNull(),
		/** The uploaded file, kept when several of its sheets hold the header: another is picked without uploading again. */
		source: blob({ mode: 'buffer' }),
		expiresAt: integer().notNull()
	},
	(t) => [index('staged_import_expires_idx').on(t.expiresAt)]
);

/** When each background job may next run: the worker that moves `next_at` on runs it. */
export const jobLease = sqliteTable('job_lease', {
	name: text().primaryKey(),
	nextAt: integer().notNull(),
	lastRunAt: integer()
});

/** A single row counting commits that changed content: the key of every cache. */
export const contentVersion = sqliteTable('content_version', {
	id: integer().primaryKey(),
	v: integer().notNull()
});

export type StagedImport = typeof stagedImport.$inferSelect;
