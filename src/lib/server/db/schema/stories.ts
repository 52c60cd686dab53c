/**
 * The honesty story library (诚信故事): stories sent by residents or entered by staff, reviewed and
 * published, and the events (事迹宣讲, 故事汇巡演) that told them.
 */
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { town } from './towns';
import { user } from './users';
import { merchant } from './streets';
import { enterprise } from './campaign';
import { event } from './events';
import { STORY_ORIGINS, STORY_STATES, STORY_SUBJECTS } from '../../../stories';

export const story = sqliteTable(
	'story',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		title: text().notNull(),
		subjectKind: text({ enum: STORY_SUBJECTS }).notNull(),
		/** The person's, enterprise's or merchant's name as the story gives it. */
		subjectName: text().notNull(),
		/** Linked when the subject is in the system (found by USCC or picked by staff). */
		merchantId: integer().references(() => merchant.id),
		enterpriseId: integer().references(() => enterprise.id),
		townId: integer()
			.notNull()
			.references(() => town.id),
		body: text().notNull(),
		/** Upload keys (files/uploads), in order. */
		photoKeys: text({ mode: 'json' }).$type<string[]>().notNull().default([]),
		source: text().notNull().default(''),
		tags: text({ mode: 'json' }).$type<string[]>().notNull().default([]),
		state: text({ enum: STORY_STATES }).notNull().default('submitted'),
		rejectReason: text().notNull().default(''),
		origin: text({ enum: STORY_ORIGINS }).notNull().default('public'),
		/** The sender's name and phone: staff only, never public. */
		contactName: text().notNull().default(''),
		contactPhone: text().notNull().default(''),
		/** SHA-256 of the receipt token a sender keeps; the token itself is never stored. */
		receiptHash: text(),
		publishedAt: integer({ mode: 'timestamp_ms' }),
		reviewedBy: integer().references(() => user.id),
		createdBy: integer().references(() => user.id),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('story_receipt_uq').on(t.receiptHash),
		index('story_state_idx').on(t.state, t.publishedAt),
		index('story_town_idx').on(t.townId, t.state)
	]
);

export type Story = typeof story.$inferSelect;

/** The stories an event told. */
export const eventStory = sqliteTable(
	'event_story',
	{
		eventId: integer()
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		storyId: integer()
			.notNull()
			.references(() => story.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.eventId, t.storyId] }),
		index('event_story_story_idx').on(t.storyId)
	]
);
