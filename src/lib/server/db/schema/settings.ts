import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Small key-value settings kept with the data (first-start marks, generated secrets, thresholds). */
export const setting = sqliteTable('setting', {
	key: text().primaryKey(),
	value: text().notNull()
});

export type Setting = typeof setting.$inferSelect;
