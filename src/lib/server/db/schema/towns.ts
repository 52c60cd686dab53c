import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** 街镇园区: the subdistricts, towns and parks that answer for the campaign. */
export const town = sqliteTable('town', {
	id: integer().primaryKey({ autoIncrement: true }),
	slug: text().notNull().unique(),
	name: text().notNull().unique(),
	/** 行政区划代码, only where an official code is known. */
	code: text(),
	kind: text({ enum: ['subdistrict', 'town', 'park'] }).notNull(),
	sortOrder: integer().notNull().default(0),
	active: integer({ mode: 'boolean' }).notNull().default(true)
});

export type Town = typeof town.$inferSelect;
export type TownKind = Town['kind'];
