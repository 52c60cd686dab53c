/**
 * The honesty story library (诚信故事): a resident sends a story from the public page (no login,
 * counted by the window limiter, a receipt token kept by the sender and stored only as its hash),
 * or staff enter one; officers of the story's town, 区文明办 and district admins edit it, take it
 * into review and publish it or decline it with a reason (the rows of `story` in the policy). Events of form 事迹宣讲 / 故事汇巡演 link the stories
 * they told.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '../db';
import { enterprise, event, eventOption, eventStory, merchant, story, town } from '../db/schema';
import type { Story } from '../db/schema';
import * as audit from '../audit';
import { townIn } from '../access';
import { can, type ActionOf, type Owner, type Who } from '../access/policy';
import * as departments from '../plan/departments';
import { DomainError } from '../forms';
import { createWindowLimiter } from '../auth/rate-limit';
import { imageUrl } from '../files/uploads';
import type { Actor } from '../actor';
import type { StoryEditInput, StorySubmitInput } from '../../schemas/stories';
import {
	MAX_STORY_PHOTOS,
	STORY_DESK,
	STORY_EVENT_FORMS,
	STORY_STATE_LABEL,
	type StoryState
} from '../../stories';
import { maskPhone } from '../../feedback';

/** Per client: 3 stories an hour, 6 a day. */
export const CLIENT_LIMITS = [
	{ max: 3, windowMs: 60 * 60_000 },
	{ max: 6, windowMs: 24 * 60 * 60_000 }
];
export const clientLimiter = createWindowLimiter('stories.client', CLIENT_LIMITS);

const PUBLIC_ACTOR: Actor = { id: null, username: 'public', displayName: '公众', role: 'system' };

/** Counts one submission from a client, or throws with how long to wait. */
export function admit(clientKey: string, now = new Date()) {
	const wait = clientLimiter.take(clientKey, now.getTime());
	if (wait > 0) {
		const min = Math.ceil(wait / 60_000);
		throw new DomainError(
			'_',
			`您投稿得太频繁了，请 ${min < 60 ? `${min} 分钟` : `${Math.ceil(min / 60)} 小时`}后再试。`
		);
	}
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** A story's owner for the access policy: its town, and 区文明办 (the library's department). */
export function ownerOf(townId: number | null): Owner {
	return { townId, departmentId: departments.byName(STORY_DESK)?.id ?? null };
}

/** Whether the user may take the action on some story: the district, a town, 区文明办. */
export function canOpen(u: Who | null | undefined, action: ActionOf<'story'> = 'view') {
	if (!u) return false;
	return [null, ...u.townIds].some((t) => can(u, action, 'story', ownerOf(t)));
}

/** The towns whose stories the user sees: null for all (the district, 区文明办). */
export function scopeOf(u: Who): number[] | null {
	return can(u, 'view', 'story', ownerOf(null)) ? null : [...u.townIds];
}

function canWrite(actor: Actor, townId: number, action: ActionOf<'story'> = 'update') {
	return actor.role === 'system' || can(actor, action, 'story', ownerOf(townId));
}

function checkTown(
	actor: Actor,
	townId: number,
	tx: Tx | typeof db = db,
	action: ActionOf<'story'> = 'update'
) {
	if (!tx.select({ id: town.id }).from(town).where(eq(town.id, townId)).get())
		throw new DomainError('townId', '请选择街镇');
	if (!canWrite(actor, townId, action))
		throw new DomainError('townId', '您只能管理本街镇的诚信故事');
}

/** A merchant's or enterprise's USCC to the record it links; a person links nothing. */
function linkOf(input: StoryEditInput, tx: Tx) {
	if (!input.linkUscc) return { merchantId: null, enterpriseId: null };
	if (input.subjectKind === 'person')
		throw new DomainError('linkUscc', '主人公是个人时不关联商户或企业，请清空统一社会信用代码');
	const m = tx
		.select({ id: merchant.id })
		.from(merchant)
		.where(eq(merchant.uscc, input.linkUscc))
		.get();
	const e = tx
		.select({ id: enterprise.id })
		.from(enterprise)
		.where(eq(enterprise.uscc, input.linkUscc))
		.get();
	if (!m && !e)
		throw new DomainError('linkUscc', '系统中没有这个统一社会信用代码的商户或企业，请核对或清空');
	return { merchantId: m?.id ?? null, enterpriseId: e?.id ?? null };
}

function content(input: StorySubmitInput | StoryEditInput) {
	return {
		title: input.title,
		subjectKind: input.subjectKind,
		subjectName: input.subjectName,
		townId: input.townId,
		body: input.body,
		source: input.source,
		tags: input.tags
	};
}

/**
 * Stores a resident's story already let through by `admit` (the route stores photos between).
 * Returns the receipt token, which is shown once and never stored.
 */
export function submit(input: StorySubmitInput, photoKeys: string[] = [], now = new Date()) {
	const token = randomBytes(18).toString('base64url');
	return db.transaction((tx) => {
		if (!tx.select({ id: town.id }).from(town).where(eq(town.id, input.townId)).get())
			throw new DomainError('townId', '请选择街镇');
		const row = tx
			.insert(story)
			.values({
				...content(input),
				photoKeys: photoKeys.slice(0, MAX_STORY_PHOTOS),
				state: 'submitted',
				origin: 'public',
				contactName: input.contactName,
				contactPhone: input.contactPhone,
				receiptHash: hashToken(token),
				createdAt: now,
				updatedAt: now
			})
			.returning()
			.get();
		audit.record(
			tx,
			PUBLIC_ACTOR,
			{
				action: 'story.submit',
				entityType: 'story',
				entityId: row.id,
				townId: row.townId,
				after: { ...row, receiptHash: undefined, contactPhone: maskPhone(row.contactPhone) }
			},
			now
		);
		return { story: row, token };
	});
}

/** A story entered by staff: it starts in review. */
export function create(
	actor: Actor,
	input: StoryEditInput,
	photoKeys: string[] = [],
	now = new Date()
) {
	return db.transaction((tx) => {
		checkTown(actor, input.townId, tx, 'create');
		const row = tx
			.insert(story)
			.values({
				...content(input),
				...linkOf(input, tx),
				photoKeys: photoKeys.slice(0, MAX_STORY_PHOTOS),
				state: 'reviewing',
				origin: 'staff',
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now
			})
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'story.create',
			entityType: 'story',
			entityId: row.id,
			townId: row.townId,
			after: row
		});
		return row;
	});
}

function loadForWrite(tx: Tx, actor: Actor, id: number, action: ActionOf<'story'> = 'update') {
	const before = tx.select().from(story).where(eq(story.id, id)).get();
	if (!before) throw new DomainError('_', '故事不存在');
	if (!canWrite(actor, before.townId, action))
		throw new DomainError('_', '您只能管理本街镇的诚信故事');
	return before;
}

/** Edits a story's words, links and photos; its state is left as it is. */
export function update(
	actor: Actor,
	id: number,
	input: StoryEditInput,
	photos: { add?: string[]; remove?: string[] } = {},
	now = new Date()
) {
	return db.transaction((tx) => {
		const before = loadForWrite(tx, actor, id);
		checkTown(actor, input.townId, tx);
		const kept = before.photoKeys.filter((k) => !photos.remove?.includes(k));
		const photoKeys = [...kept, ...(photos.add ?? [])];
		if (photoKeys.length > MAX_STORY_PHOTOS)
			throw new DomainError('photos', `每个故事最多 ${MAX_STORY_PHOTOS} 张照片`);
		const after = tx
			.update(story)
			.set({ ...content(input), ...linkOf(input, tx), photoKeys, updatedAt: now })
			.where(eq(story.id, id))
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'story.update',
			entityType: 'story',
			entityId: id,
			townId: after.townId,
			before,
			after
		});
		return after;
	});
}

const MOVES: Record<'review' | 'publish' | 'reject' | 'withdraw', StoryState[]> = {
	review: ['submitted'],
	publish: ['submitted', 'reviewing'],
	reject: ['submitted', 'reviewing'],
	withdraw: ['published', 'rejected']
};

/**
 * Moves a story on: 投稿 → 审核中 (`review`), → 已发布 (`publish`), → 不予采用 with a reason
 * (`reject`); `withdraw` takes a published or declined story back into review.
 */
export function decide(
	actor: Actor,
	id: number,
	move: keyof typeof MOVES,
	reason = '',
	now = new Date()
) {
	return db.transaction((tx) => {
		const before = loadForWrite(tx, actor, id, 'review');
		if (!MOVES[move].includes(before.state))
			throw new DomainError(
				'_',
				`这个故事现在是“${STORY_STATE_LABEL[before.state]}”，不能这样操作`
			);
		if (move === 'reject' && reason.trim().length < 4)
			throw new DomainError('reason', '请写明不予采用的原因');
		const state: StoryState =
			move === 'publish' ? 'published' : move === 'reject' ? 'rejected' : 'reviewing';
		const after = tx
			.update(story)
			.set({
				state,
				rejectReason: move === 'reject' ? reason.trim() : '',
				publishedAt: move === 'publish' ? now : move === 'withdraw' ? null : before.publishedAt,
				reviewedBy: actor.id,
				updatedAt: now
			})
			.where(eq(story.id, id))
			.returning()
			.get();
		audit.record(
			tx,
			actor,
			{
				action: `story.${move}`,
				entityType: 'story',
				entityId: id,
				townId: before.townId,
				before: { state: before.state },
				after: { state: after.state, rejectReason: after.rejectReason }
			},
			now
		);
		return after;
	});
}

/** What the sender's receipt shows: the story's state, and the reason when declined. */
export function byReceipt(token: string) {
	if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return undefined;
	return db
		.select({
			id: story.id,
			title: story.title,
			state: story.state,
			rejectReason: story.rejectReason,
			createdAt: story.createdAt,
			publishedAt: story.publishedAt,
			townName: town.name
		})
		.from(story)
		.innerJoin(town, eq(town.id, story.townId))
		.where(eq(story.receiptHash, hashToken(token)))
		.get();
}

export function byId(id: number): Story | undefined {
	return db.select().from(story).where(eq(story.id, id)).get();
}

/** The object without the named keys. */
export function without<T extends object, K extends keyof T>(o: T, ...keys: K[]): Omit<T, K> {
	const out = { ...o };
	for (const k of keys) delete out[k];
	return out;
}

function photoUrls(keys: string[]) {
	return keys.map((key) => ({ key, url: imageUrl(key)!, small: imageUrl(key, true)! }));
}

/** A story for staff, with its contact, its link and the events that told it. */
export function detail(id: number) {
	const row = db
		.select({
			s: story,
			townName: town.name,
			merchantName: merchant.name,
			merchantUscc: merchant.uscc,
			enterpriseName: enterprise.name,
			enterpriseUscc: enterprise.uscc
		})
		.from(story)
		.innerJoin(town, eq(town.id, story.townId))
		.leftJoin(merchant, eq(merchant.id, story.merchantId))
		.leftJoin(enterprise, eq(enterprise.id, story.enterpriseId))
		.where(eq(story.id, id))
		.get();
	if (!row) return undefined;
	return {
		...row.s,
		townName: row.townName,
		merchantName: row.merchantName,
		enterpriseName: row.enterpriseName,
		linkUscc: row.merchantUscc ?? row.enterpriseUscc ?? '',
		photos: photoUrls(row.s.photoKeys),
		events: eventsOf(id, false)
	};
}

export type ListFilter = {
	state?: StoryState;
	townId?: number;
	tag?: string;
	q?: string;
	limit?: number;
	offset?: number;
};

function where(scope: Parameters<typeof townIn>[1], f: ListFilter): SQL | undefined {
	const c: (SQL | undefined)[] = [townIn(story.townId, scope)];
	if (f.state) c.push(eq(story.state, f.state));
	if (f.townId) c.push(eq(story.townId, f.townId));
	if (f.tag)
		c.push(sql`exists (select 1 from json_each(${story.tags}) where json_each.value = ${f.tag})`);
	if (f.q) {
		const p = `%${f.q.replace(/[%_]/g, '')}%`;
		c.push(or(like(story.title, p), like(story.subjectName, p), like(story.body, p)));
	}
	return and(...c);
}

function listSelect() {
	return {
		id: story.id,
		title: story.title,
		subjectKind: story.subjectKind,
		subjectName: story.subjectName,
		merchantId: story.merchantId,
		townId: story.townId,
		townName: town.name,
		townSlug: town.slug,
		tags: story.tags,
		state: story.state,
		origin: story.origin,
		source: story.source,
		excerpt: sql<string>`substr(${story.body}, 1, 90)`,
		body: story.body,
		photoKeys: story.photoKeys,
		publishedAt: story.publishedAt,
		createdAt: story.createdAt
	};
}

/** Stories waiting for review (投稿, 审核中) that the user may review; 0 for anyone else. */
export function waitingCount(u: Who) {
	if (!canOpen(u, 'review')) return 0;
	return (
		db
			.select({ n: count() })
			.from(story)
			.where(
				and(townIn(story.townId, scopeOf(u)), inArray(story.state, ['submitted', 'reviewing']))
			)
			.get()?.n ?? 0
	);
}

/** The staff list, pending first, newest first. */
export function staffList(scope: Parameters<typeof townIn>[1], f: ListFilter = {}) {
	const w = where(scope, f);
	const items = db
		.select(listSelect())
		.from(story)
		.innerJoin(town, eq(town.id, story.townId))
		.where(w)
		.orderBy(
			sql`case ${story.state} when 'submitted' then 0 when 'reviewing' then 1 else 2 end`,
			desc(story.createdAt),
			desc(story.id)
		)
		.limit(f.limit ?? 50)
		.offset(f.offset ?? 0)
		.all()
		.map((r) => without(r, 'body', 'photoKeys'));
	const total = db.select({ n: count() }).from(story).where(w).get()?.n ?? 0;
	return { items, total };
}

/** Published stories, newest first; the contact never leaves this module. */
export function publicList(f: Omit<ListFilter, 'state'> = {}) {
	const w = where(null, { ...f, state: 'published' });
	const items = db
		.select(listSelect())
		.from(story)
		.innerJoin(town, eq(town.id, story.townId))
		.where(w)
		.orderBy(desc(story.publishedAt), desc(story.id))
		.limit(f.limit ?? 20)
		.offset(f.offset ?? 0)
		.all()
		.map((r) => ({
			...without(r, 'state', 'origin', 'photoKeys'),
			cover: r.photoKeys[0] ? imageUrl(r.photoKeys[0], true) : null,
			photos: r.photoKeys.map((k) => imageUrl(k)!)
		}));
	const total = db.select({ n: count() }).from(story).where(w).get()?.n ?? 0;
	return { items, total };
}

/** The newest published stories, for the home page. */
export function latest(limit = 3) {
	return publicList({ limit }).items.map((s) => without(s, 'body', 'photos'));
}

/** A published story as the public sees it, or undefined. */
export function publicGet(id: number) {
	const d = detail(id);
	if (!d || d.state !== 'published') return undefined;
	return {
		id: d.id,
		title: d.title,
		subjectKind: d.subjectKind,
		subjectName: d.subjectName,
		merchantId: d.merchantId,
		enterpriseName: d.enterpriseName,
		townName: d.townName,
		body: d.body,
		source: d.source,
		tags: d.tags,
		publishedAt: d.publishedAt,
		photos: d.photos.map((p) => ({ url: p.url, small: p.small })),
		events: eventsOf(id, true)
	};
}

/** The tags in use on published stories, most used first. */
export function publicTags(limit = 20): string[] {
	return db
		.select({ tag: sql<string>`j.value`, n: count() })
		.from(sql`${story}, json_each(${story.tags}) as j`)
		.where(eq(story.state, 'published'))
		.groupBy(sql`j.value`)
		.orderBy(desc(count()), sql`j.value`)
		.limit(limit)
		.all()
		.map((r) => r.tag);
}

function eventsOf(storyId: number, publicOnly: boolean) {
	return db
		.select({ id: event.id, title: event.title, startDate: event.startDate })
		.from(eventStory)
		.innerJoin(event, eq(event.id, eventStory.eventId))
		.where(and(eq(eventStory.storyId, storyId), publicOnly ? eq(event.isPublic, true) : undefined))
		.orderBy(desc(event.startDate))
		.all();
}

// ------------------------------------------------------------ events that told stories

/** Published stories an event may link, newest first. */
export function forEvents(limit = 200) {
	return db
		.select({ id: story.id, title: story.title, townName: town.name })
		.from(story)
		.innerJoin(town, eq(town.id, story.townId))
		.where(eq(story.state, 'published'))
		.orderBy(desc(story.publishedAt), desc(story.id))
		.limit(limit)
		.all();
}

/** The stories an event told. */
export function ofEvent(eventId: number) {
	return db
		.select({ id: story.id, title: story.title, state: story.state })
		.from(eventStory)
		.innerJoin(story, eq(story.id, eventStory.storyId))
		.where(eq(eventStory.eventId, eventId))
		.orderBy(story.id)
		.all();
}

/**
 * Sets the stories an event told. Only events of form 事迹宣讲 or 故事汇巡演 tell stories, and only
 * published stories can be linked.
 */
export function setForEvent(actor: Actor, eventId: number, storyIds: number[], now = new Date()) {
	return db.transaction((tx) => {
		const ev = tx
			.select({ id: event.id, townId: event.townId, formName: eventOption.name })
			.from(event)
			.innerJoin(eventOption, eq(eventOption.id, event.formId))
			.where(eq(event.id, eventId))
			.get();
		if (!ev) throw new DomainError('_', '活动不存在');
		const ids = [...new Set(storyIds)];
		if (ids.length && !(STORY_EVENT_FORMS as readonly string[]).includes(ev.formName))
			throw new DomainError(
				'stories',
				`只有“${STORY_EVENT_FORMS.join('”“')}”形式的活动可以关联讲述的诚信故事`
			);
		if (ids.length) {
			const ok = tx
				.select({ id: story.id })
				.from(story)
				.where(and(inArray(story.id, ids), eq(story.state, 'published')))
				.all();
			if (ok.length !== ids.length) throw new DomainError('stories', '只能关联已发布的诚信故事');
		}
		const before = tx
			.select({ id: eventStory.storyId })
			.from(eventStory)
			.where(eq(eventStory.eventId, eventId))
			.all()
			.map((r) => r.id);
		if (before.length === ids.length && before.every((id) => ids.includes(id))) return;
		tx.delete(eventStory).where(eq(eventStory.eventId, eventId)).run();
		if (ids.length)
			tx.insert(eventStory)
				.values(ids.map((storyId) => ({ eventId, storyId })))
				.run();
		audit.record(
			tx,
			actor,
			{
				action: 'event.stories',
				entityType: 'event',
				entityId: eventId,
				townId: ev.townId,
				before: { stories: before },
				after: { stories: ids }
			},
			now
		);
	});
}

// ------------------------------------------------------------ figures

/** Row 42 of the work plan: stories published in the year, and all published so far. */
export function figures(year: number) {
	const from = new Date(`${year}-01-01T00:00:00+08:00`);
	const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
	const inYear =
		db
			.select({ n: count() })
			.from(story)
			.where(
				and(
					eq(story.state, 'published'),
					sql`${story.publishedAt} >= ${from.getTime()} and ${story.publishedAt} < ${to.getTime()}`
				)
			)
			.get()?.n ?? 0;
	const total =
		db.select({ n: count() }).from(story).where(eq(story.state, 'published')).get()?.n ?? 0;
	const pending =
		db
			.select({ n: count() })
			.from(story)
			.where(inArray(story.state, ['submitted', 'reviewing']))
			.get()?.n ?? 0;
	return { row: 42, year, storiesPublished: inYear, storiesPublishedTotal: total, pending };
}
