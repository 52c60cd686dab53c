import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './users';
import { town } from './towns';

/** One row per domain write, written in the same transaction as the write. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		at: integer({ mode: 'timestamp_ms' }).notNull(),
		/** Null for the system (first start, seeding, CLI without a user). */
		userId: integer().references(() => user.id),
		actorName: text().notNull(),
		action: text().notNull(),
		entityType: text().notNull(),
		entityId: text(),
		townId: integer().references(() => town.id),
		before: text({ mode: 'json' }),
		after: text({ mode: 'json' })
	},
	(t) => [
		index('audit_at_idx').on(t.at),
		index('audit_entity_idx').on(t.entityType, t.entityId),
		index('audit_user_idx').on(t.userId)
	]
);

export type AuditEntry = typeof auditLog.$inferSelect;
