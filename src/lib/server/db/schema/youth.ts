/**
 * Schools and young people (青少年诚信教育): the schools of each town, and for an event the audience
 * it reached (counts per group), the schools it reached (students per school) and its 法治信用一体化
 * activity type.
 */
import {
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { town } from './towns';
import { event } from './events';
import { AUDIENCES, SCHOOL_KINDS, YOUTH_ACTIVITY_TYPES } from '../../../youth';

export const school = sqliteTable(
	'school',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		name: text().notNull(),
		kind: text({ enum: SCHOOL_KINDS }).notNull(),
		townId: integer()
			.notNull()
			.references(() => town.id),
		address: text().notNull().default(''),
		/** WGS-84. */
		lat: real(),
		lng: real(),
		active: integer({ mode: 'boolean' }).notNull().default(true),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('school_name_uq').on(t.name), index('school_town_idx').on(t.townId)]
);

export type School = typeof school.$inferSelect;

/** How many of each group an event reached. */
export const eventAudience = sqliteTable(
	'event_audience',
	{
		eventId: integer()
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		audience: text({ enum: AUDIENCES }).notNull(),
		count: integer().notNull()
	},
	(t) => [primaryKey({ columns: [t.eventId, t.audience] })]
);

/** The schools an event reached, with the students reached at each. */
export const eventSchool = sqliteTable(
	'event_school',
	{
		eventId: integer()
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		schoolId: integer()
			.notNull()
			.references(() => school.id),
		students: integer().notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.eventId, t.schoolId] }),
		index('event_school_school_idx').on(t.schoolId)
	]
);

/** An event's 法治信用一体化 activity type, when it is one. */
export const eventYouth = sqliteTable('event_youth', {
	eventId: integer()
		.primaryKey()
		.references(() => event.id, { onDelete: 'cascade' }),
	activityType: text({ enum: YOUTH_ACTIVITY_TYPES }).notNull()
});
