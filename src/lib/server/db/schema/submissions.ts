import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './users';

/**
 * One row per submission a phone queued offline and sent with an idempotency key: a retry of the
 * same key finds its row and the record it made, and makes no second one.
 */
export const submissionKey = sqliteTable(
	'submission_key',
	{
		key: text().primaryKey(),
		userId: integer()
			.notNull()
			.references(() => user.id),
		/** What the submission made: `inspection`, `event`. */
		kind: text().notNull(),
		recordId: integer().notNull(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('submission_key_created_idx').on(t.createdAt)]
);

export type SubmissionKey = typeof submissionKey.$inferSelect;
