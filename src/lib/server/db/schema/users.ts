import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { town } from './towns';

import { ROLES, type Role } from '../../../roles';

export { ROLES, type Role };

export const user = sqliteTable('user', {
	id: integer().primaryKey({ autoIncrement: true }),
	username: text().notNull().unique(),
	displayName: text().notNull(),
	passwordHash: text().notNull(),
	role: text({ enum: ROLES }).notNull(),
	disabledAt: integer({ mode: 'timestamp_ms' }),
	createdAt: integer({ mode: 'timestamp_ms' }).notNull()
});

export type User = typeof user.$inferSelect;

/** Towns a user answers for: exactly one for a town officer, one or more for an inspector. */
export const userTown = sqliteTable(
	'user_town',
	{
		userId: integer()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		townId: integer()
			.notNull()
			.references(() => town.id)
	},
	(t) => [primaryKey({ columns: [t.userId, t.townId] })]
);

/** A session's id is the SHA-256 of its token; the token itself is never stored. */
export const session = sqliteTable(
	'session',
	{
		id: text().primaryKey(),
		userId: integer()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export type Session = typeof session.$inferSelect;
