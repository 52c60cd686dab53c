import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { town } from './towns';
import { user } from './users';
import { department } from './plan';
import { EVENT_OPTION_KINDS } from '../../../events';

/** The configurable lists of event themes (主题) and forms (形式). */
export const eventOption = sqliteTable(
	'event_option',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		kind: text({ enum: EVENT_OPTION_KINDS }).notNull(),
		name: text().notNull(),
		sortOrder: integer().notNull().default(0),
		active: integer({ mode: 'boolean' }).notNull().default(true)
	},
	(t) => [uniqueIndex('event_option_kind_name_idx').on(t.kind, t.name)]
);

export type EventOption = typeof eventOption.$inferSelect;
export type EventOptionKind = EventOption['kind'];

/**
 * A publicity or education event. Dates are Shanghai calendar dates as YYYY-MM-DD text, so periods
 * compare as strings; times are optional HH:MM. Coordinates are WGS-84.
 */
export const event = sqliteTable(
	'event',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		title: text().notNull(),
		/** Where it was held; empty only for a department's district-wide or online event. */
		townId: integer().references(() => town.id),
		/** The owning department; empty when the town owns the event. */
		departmentId: integer().references(() => department.id),
		themeId: integer()
			.notNull()
			.references(() => eventOption.id),
		formId: integer()
			.notNull()
			.references(() => eventOption.id),
		venue: text().notNull().default(''),
		lat: real(),
		lng: real(),
		startDate: text().notNull(),
		startTime: text(),
		endDate: text().notNull(),
		endTime: text(),
		organisers: text().notNull().default(''),
		participants: integer().notNull().default(0),
		materials: text().notNull().default(''),
		summary: text().notNull().default(''),
		isPublic: integer({ mode: 'boolean' }).notNull().default(true),
		createdBy: integer().references(() => user.id),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		// The same town, day and title is the same event: keeps imports idempotent.
		uniqueIndex('event_town_day_title_idx').on(t.townId, t.startDate, t.title),
		index('event_start_idx').on(t.startDate),
		index('event_end_idx').on(t.endDate),
		index('event_theme_idx').on(t.themeId),
		index('event_department_idx').on(t.departmentId),
		index('event_public_idx').on(t.isPublic, t.startDate),
		index('event_public_end_idx').on(t.isPublic, t.endDate)
	]
);

export type Event = typeof event.$inferSelect;

export const eventPhoto = sqliteTable(
	'event_photo',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		eventId: integer()
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		key: text().notNull(),
		sortOrder: integer().notNull().default(0)
	},
	(t) => [index('event_photo_event_idx').on(t.eventId)]
);

export type EventPhoto = typeof eventPhoto.$inferSelect;
