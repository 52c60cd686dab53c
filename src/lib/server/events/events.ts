/**
 * Publicity and education events: the theme and form lists, the events themselves with their
 * photos, the views over them (list, month, town × theme table), their public face and open data,
 * and their import. An event is owned by one unit: a town (town officers see and change only their
 * own) or a district department (its department officers manage it; town officers may see it when
 * it was held in their town, never change it). A department's event may have no town: district-wide
 * or online.
 *
 * Periods: an event counts in a period when it overlaps it (starts on or before the period's last
 * day and ends on or after its first), and counts once however many days or months it spans.
 */
import {
	and,
	asc,
	count,
	desc,
	eq,
	gte,
	inArray,
	like,
	lt,
	lte,
	or,
	sql,
	type SQL
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '../db';
import { cached } from '../cache';
import { can, townIn } from '../access';
import { DomainError } from '../forms';
import { OPTION_KIND_LABEL } from '../../events';
import { department, event, eventAudience, eventOption, eventPhoto, town } from '../db/schema';
import type { EventOptionKind } from '../../events';
import * as audit from '../audit';
import * as towns from '../towns';
import * as departments from '../plan/departments';
import { deleteImagesLater, imageUrl } from '../files/uploads';
import { parseDate, type Sheet } from '../files/tabular';
import type { Checked } from '../files/imports';
import type { Actor } from '../actor';
import type { EventInput } from '../../schemas/events';

export const DEFAULT_THEMES = [
	'诚信建设万里行',
	'诚信兴商宣传月',
	'诚信点亮中国',
	'诚信进园区',
	'诚信进社区',
	'诚信进校园',
	'诚信进机关',
	'青少年诚信教育',
	'诚信故事宣讲'
];
export const DEFAULT_FORMS = ['事迹宣讲', '公益广告', '专题展览', '故事汇巡演', '培训讲座', '其他'];

export { OPTION_KIND_LABEL as KIND_LABEL } from '../../events';

export const MAX_PHOTOS = 12;

/**
 * @deprecated throw `DomainError(field, message)`; kept, with its old argument order, only for the
 * import functions below until the shared import flow replaces them.
 */
export class EventError extends DomainError {
	constructor(message: string, field = '_') {
		super(field, message);
	}
}

// ---------------------------------------------------------------- theme and form lists

/** Seeds a list only while it is empty, so renames and removals by admins are never undone. */
export function seedOptions() {
	db.transaction((tx) => {
		for (const [kind, names] of [
			['theme', DEFAULT_THEMES],
			['form', DEFAULT_FORMS]
		] as const) {
			const existing = tx
				.select({ n: count() })
				.from(eventOption)
				.where(eq(eventOption.kind, kind))
				.get();
			if (existing?.n) continue;
			names.forEach((name, i) =>
				tx
					.insert(eventOption)
					.values({ kind, name, sortOrder: i + 1 })
					.onConflictDoNothing()
					.run()
			);
		}
	});
}

export function options(kind: EventOptionKind, opts: { includeInactive?: boolean } = {}) {
	return db
		.select()
		.from(eventOption)
		.where(
			opts.includeInactive
				? eq(eventOption.kind, kind)
				: and(eq(eventOption.kind, kind), eq(eventOption.active, true))
		)
		.orderBy(asc(eventOption.sortOrder), asc(eventOption.id))
		.all();
}

function optionByName(kind: EventOptionKind, name: string) {
	return db
		.select()
		.from(eventOption)
		.where(and(eq(eventOption.kind, kind), eq(eventOption.name, name.trim())))
		.get();
}

export function createOption(actor: Actor, kind: EventOptionKind, name: string) {
	if (optionByName(kind, name))
		throw new DomainError('name', `已有同名的${OPTION_KIND_LABEL[kind]}`);
	return db.transaction((tx) => {
		const max = tx
			.select({ m: sql<number>`coalesce(max(${eventOption.sortOrder}), 0)` })
			.from(eventOption)
			.where(eq(eventOption.kind, kind))
			.get();
		const row = tx
			.insert(eventOption)
			.values({ kind, name: name.trim(), sortOrder: (max?.m ?? 0) + 1 })
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'event_option.create',
			entityType: 'event_option',
			entityId: row.id,
			after: row
		});
		return row;
	});
}

export function updateOption(actor: Actor, id: number, input: { name: string; active: boolean }) {
	return db.transaction((tx) => {
		const before = tx.select().from(eventOption).where(eq(eventOption.id, id)).get();
		if (!before) throw new DomainError('_', '该选项不存在');
		const clash = tx
			.select()
			.from(eventOption)
			.where(and(eq(eventOption.kind, before.kind), eq(eventOption.name, input.name.trim())))
			.get();
		if (clash && clash.id !== id)
			throw new DomainError('name', `已有同名的${OPTION_KIND_LABEL[before.kind]}`);
		const after = tx
			.update(eventOption)
			.set({ name: input.name.trim(), active: input.active })
			.where(eq(eventOption.id, id))
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'event_option.update',
			entityType: 'event_option',
			entityId: id,
			before,
			after
		});
		return after;
	});
}

// ---------------------------------------------------------------- events

export type Scope = number[] | null;

export type EventFilter = {
	/** Towns the viewer may see; null for all. */
	scope: Scope;
	/** Only events this department owns (a department officer's list). */
	departmentId?: number;
	townId?: number;
	themeId?: number;
	formId?: number;
	from?: string;
	to?: string;
	q?: string;
	publicOnly?: boolean;
	/** Only events that ended before this day. */
	endedBefore?: string;
	page?: number;
	pageSize?: number;
	/** Newest start first (default), oldest start first, or most recently ended first. */
	order?: 'asc' | 'desc' | 'ended';
};

function conditions(f: Omit<EventFilter, 'page' | 'pageSize' | 'order'>): SQL | undefined {
	const c: SQL[] = [];
	const scope = townIn(event.townId, f.scope);
	if (scope) c.push(scope);
	if (f.departmentId) c.push(eq(event.departmentId, f.departmentId));
	if (f.townId) c.push(eq(event.townId, f.townId));
	if (f.themeId) c.push(eq(event.themeId, f.themeId));
	if (f.formId) c.push(eq(event.formId, f.formId));
	if (f.from) c.push(gte(event.endDate, f.from));
	if (f.to) c.push(lte(event.startDate, f.to));
	if (f.publicOnly) c.push(eq(event.isPublic, true));
	if (f.endedBefore) c.push(lt(event.endDate, f.endedBefore));
	if (f.q) {
		const p = `%${f.q.replace(/[%_]/g, '')}%`;
		c.push(or(like(event.title, p), like(event.venue, p), like(event.organisers, p))!);
	}
	return c.length ? and(...c) : undefined;
}

const theme = alias(eventOption, 'theme');
const form = alias(eventOption, 'form');

function rowSelect() {
	return {
		id: event.id,
		title: event.title,
		townId: event.townId,
		/** Where it was held: the town, or 全区 for a department's event held in no town. */
		townName: sql<string>`coalesce(${town.name}, '全区')`,
		townSlug: town.slug,
		departmentId: event.departmentId,
		departmentName: department.name,
		themeId: event.themeId,
		themeName: theme.name,
		formId: event.formId,
		formName: form.name,
		venue: event.venue,
		lat: event.lat,
		lng: event.lng,
		startDate: event.startDate,
		startTime: event.startTime,
		endDate: event.endDate,
		endTime: event.endTime,
		organisers: event.organisers,
		participants: event.participants,
		materials: event.materials,
		summary: event.summary,
		isPublic: event.isPublic,
		updatedAt: event.updatedAt,
		cover: sql<
			string | null
		>`(select p.key from event_photo p where p.event_id = ${event.id} order by p.sort_order, p.id limit 1)`,
		photoCount: sql<number>`(select count(*) from event_photo p where p.event_id = ${event.id})`
	};
}

function baseQuery(where: SQL | undefined) {
	return db
		.select(rowSelect())
		.from(event)
		.leftJoin(town, eq(town.id, event.townId))
		.leftJoin(department, eq(department.id, event.departmentId))
		.innerJoin(theme, eq(theme.id, event.themeId))
		.innerJoin(form, eq(form.id, event.formId))
		.where(where);
}

export type EventRow = ReturnType<ReturnType<typeof baseQuery>['all']>[number];

export function list(f: EventFilter) {
	const where = conditions(f);
	const pageSize = Math.min(200, f.pageSize ?? 20);
	const page = Math.max(1, f.page ?? 1);
	const order =
		f.order === 'asc'
			? [asc(event.startDate), asc(event.id)]
			: f.order === 'ended'
				? [desc(event.endDate), desc(event.id)]
				: [desc(event.startDate), desc(event.id)];
	const items = baseQuery(where)
		.orderBy(...order)
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all();
	const total = db.select({ n: count() }).from(event).where(where).get()?.n ?? 0;
	return { items, page, pageSize, total };
}

/** Every matching event, for exports and the calendar. */
export function all(f: EventFilter, limit = 20_000): EventRow[] {
	return baseQuery(conditions(f))
		.orderBy(asc(event.startDate), asc(event.startTime), asc(event.id))
		.limit(limit)
		.all();
}

export function get(id: number) {
	const row = baseQuery(eq(event.id, id)).get();
	if (!row) return undefined;
	return { ...row, photos: photosOf(id) };
}

function photosOf(id: number) {
	return db
		.select()
		.from(eventPhoto)
		.where(eq(eventPhoto.eventId, id))
		.orderBy(asc(eventPhoto.sortOrder), asc(eventPhoto.id))
		.all()
		.map((p) => ({ id: p.id, key: p.key, url: imageUrl(p.key)!, small: imageUrl(p.key, true)! }));
}

/** The event's owner: its department when it has one, else its town. */
type Owner = { townId: number | null; departmentId?: number | null };

/** Who may log, change or delete an event: its owning unit's officers and district admins. */
export function canWrite(actor: Actor, e: Owner) {
	return actor.role === 'system' || can(actor, 'update', 'event', e);
}

/** Who may see an event on the staff pages: those who may change it, and the town it was held in. */
export function canSee(actor: Actor, e: Owner) {
	return actor.role === 'system' || can(actor, 'view', 'event', e);
}

function denied(e: Owner, verb: string) {
	return e.departmentId != null ? `区级部门的活动只能由该部门${verb}` : `您只能${verb}本街镇的活动`;
}

function checkRefs(actor: Actor, input: EventInput) {
	if (input.departmentId != null && !departments.byId(input.departmentId))
		throw new DomainError('departmentId', '请选择主办的区级部门');
	if (input.townId == null && input.departmentId == null)
		throw new DomainError('townId', '请选择街镇（只有区级部门的全区或线上活动可以不选街镇）');
	if (input.townId != null && !towns.byId(input.townId))
		throw new DomainError('townId', '请选择街镇');
	if (!canWrite(actor, input))
		throw new DomainError(
			input.departmentId != null ? 'departmentId' : 'townId',
			actor.role === 'department_officer' ? '您只能登记本部门的活动' : '您只能登记本街镇的活动'
		);
	const th = db.select().from(eventOption).where(eq(eventOption.id, input.themeId)).get();
	if (th?.kind !== 'theme') throw new DomainError('themeId', '请选择活动主题');
	const fm = db.select().from(eventOption).where(eq(eventOption.id, input.formId)).get();
	if (fm?.kind !== 'form') throw new DomainError('formId', '请选择活动形式');
}

function values(input: EventInput) {
	return {
		title: input.title,
		townId: input.townId,
		departmentId: input.departmentId ?? null,
		themeId: input.themeId,
		formId: input.formId,
		venue: input.venue,
		lat: input.lat,
		lng: input.lng,
		startDate: input.startDate,
		startTime: input.startTime ?? null,
		endDate: input.endDate,
		endTime: input.endTime ?? null,
		organisers: input.organisers,
		participants: input.participants,
		materials: input.materials,
		summary: input.summary,
		isPublic: input.isPublic
	};
}

function isDuplicate(e: unknown) {
	return e instanceof Error && /UNIQUE constraint failed: event\./.test(e.message);
}

const DUPLICATE = '本街镇同一天已有同名活动，请核对是否重复登记，或修改活动名称';

export function create(
	actor: Actor,
	input: EventInput,
	photoKeys: string[] = [],
	now = new Date()
) {
	checkRefs(actor, input);
	if (photoKeys.length > MAX_PHOTOS)
		throw new DomainError('photos', `每个活动最多 ${MAX_PHOTOS} 张照片`);
	try {
		return db.transaction((tx) => {
			const row = tx
				.insert(event)
				.values({ ...values(input), createdBy: actor.id, createdAt: now, updatedAt: now })
				.returning()
				.get();
			photoKeys.forEach((key, i) =>
				tx.insert(eventPhoto).values({ eventId: row.id, key, sortOrder: i }).run()
			);
			audit.record(tx, actor, {
				action: 'event.create',
				entityType: 'event',
				entityId: row.id,
				townId: row.townId,
				after: { ...row, photos: photoKeys }
			});
			return row;
		});
	} catch (e) {
		if (isDuplicate(e)) throw new DomainError('title', DUPLICATE);
		throw e;
	}
}

export function update(
	actor: Actor,
	id: number,
	input: EventInput,
	photos: { add?: string[]; remove?: number[] } = {},
	now = new Date()
) {
	checkRefs(actor, input);
	let dropped: string[] = [];
	try {
		const updated = db.transaction((tx) => {
			const before = tx.select().from(event).where(eq(event.id, id)).get();
			if (!before) throw new DomainError('_', '活动不存在');
			if (!canWrite(actor, before)) throw new DomainError('_', denied(before, '修改'));
			const beforePhotos = tx.select().from(eventPhoto).where(eq(eventPhoto.eventId, id)).all();
			const remove = (photos.remove ?? []).filter((pid) => beforePhotos.some((p) => p.id === pid));
			const add = photos.add ?? [];
			if (beforePhotos.length - remove.length + add.length > MAX_PHOTOS)
				throw new DomainError('photos', `每个活动最多 ${MAX_PHOTOS} 张照片`);
			dropped = beforePhotos.filter((p) => remove.includes(p.id)).map((p) => p.key);
			if (remove.length)
				tx.delete(eventPhoto)
					.where(and(eq(eventPhoto.eventId, id), inArray(eventPhoto.id, remove)))
					.run();
			const maxOrder = Math.max(-1, ...beforePhotos.map((p) => p.sortOrder));
			add.forEach((key, i) =>
				tx
					.insert(eventPhoto)
					.values({ eventId: id, key, sortOrder: maxOrder + 1 + i })
					.run()
			);
			const after = tx
				.update(event)
				.set({ ...values(input), updatedAt: now })
				.where(eq(event.id, id))
				.returning()
				.get();
			audit.record(tx, actor, {
				action: 'event.update',
				entityType: 'event',
				entityId: id,
				townId: after.townId,
				before: { ...before, photos: beforePhotos.map((p) => p.key) },
				after: {
					...after,
					photos: tx
						.select({ key: eventPhoto.key })
						.from(eventPhoto)
						.where(eq(eventPhoto.eventId, id))
						.all()
						.map((p) => p.key)
				}
			});
			return after;
		});
		deleteImagesLater(dropped);
		return updated;
	} catch (e) {
		if (isDuplicate(e)) throw new DomainError('title', DUPLICATE);
		throw e;
	}
}

export function remove(actor: Actor, id: number) {
	const keys = db.transaction((tx) => {
		const before = tx.select().from(event).where(eq(event.id, id)).get();
		if (!before) throw new DomainError('_', '活动不存在');
		if (!canWrite(actor, before)) throw new DomainError('_', denied(before, '删除'));
		const photos = tx.select().from(eventPhoto).where(eq(eventPhoto.eventId, id)).all();
		tx.delete(event).where(eq(event.id, id)).run();
		audit.record(tx, actor, {
			action: 'event.delete',
			entityType: 'event',
			entityId: id,
			townId: before.townId,
			before: { ...before, photos: photos.map((p) => p.key) }
		});
		return photos.map((p) => p.key);
	});
	deleteImagesLater(keys);
}

// ---------------------------------------------------------------- views

/** YYYY-MM → first and last day. */
export function monthRange(month: string): { from: string; to: string } {
	const [y, m] = month.split('-').map(Number);
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The events overlapping a month, for the calendar. */
export function month(monthStr: string, f: EventFilter) {
	return all({ ...f, ...monthRange(monthStr) }, 5000);
}

export type SummaryCell = { count: number; participants: number };

type SummaryFilter = {
	scope: Scope;
	departmentId?: number;
	from?: string;
	to?: string;
	publicOnly?: boolean;
};

/** The cells of a summary, grouped by a row key (town or owning unit) and theme. */
function summaryCells(f: SummaryFilter, rowKey: SQL<string | null>) {
	const cells = db
		.select({
			rowKey,
			themeId: event.themeId,
			count: count(),
			participants: sql<number>`coalesce(sum(${event.participants}), 0)`
		})
		.from(event)
		.where(conditions(f))
		.groupBy(rowKey, event.themeId)
		.all();
	const used = new Set(cells.map((c) => c.themeId));
	const themes = options('theme', { includeInactive: true }).filter(
		(t) => t.active || used.has(t.id)
	);
	// students reached: the 学生 audience counts of the events
	const students = new Map(
		db
			.select({ rowKey, n: sql<number>`coalesce(sum(${eventAudience.count}), 0)` })
			.from(event)
			.innerJoin(
				eventAudience,
				and(eq(eventAudience.eventId, event.id), eq(eventAudience.audience, 'student'))
			)
			.where(conditions(f))
			.groupBy(rowKey)
			.all()
			.map((r) => [String(r.rowKey), Number(r.n)])
	);
	return { cells, themes, students };
}

/** Rows × themes with row and column totals; `rows` name the row keys to show, in order. */
function tabulate<R extends { key: string }>(
	{ cells, themes, students }: ReturnType<typeof summaryCells>,
	rowList: R[]
) {
	const at = (rowKey: string, themeId: number) => `${rowKey}:${themeId}`;
	const byKey = new Map(cells.map((c) => [at(String(c.rowKey), c.themeId), c]));
	const rows = rowList.map((r) => {
		const byTheme: Record<number, SummaryCell> = {};
		const total: SummaryCell = { count: 0, participants: 0 };
		for (const th of themes) {
			const c = byKey.get(at(r.key, th.id));
			byTheme[th.id] = { count: c?.count ?? 0, participants: Number(c?.participants ?? 0) };
			total.count += byTheme[th.id].count;
			total.participants += byTheme[th.id].participants;
		}
		return { ...r, byTheme, total, students: students.get(r.key) ?? 0 };
	});
	const totals: Record<number, SummaryCell> = {};
	for (const th of themes)
		totals[th.id] = rows.reduce(
			(s, r) => ({
				count: s.count + r.byTheme[th.id].count,
				participants: s.participants + r.byTheme[th.id].participants
			}),
			{ count: 0, participants: 0 }
		);
	const grand = rows.reduce(
		(s, r) => ({
			count: s.count + r.total.count,
			participants: s.participants + r.total.participants
		}),
		{ count: 0, participants: 0 }
	);
	return {
		themes: themes.map((t) => ({ id: t.id, name: t.name })),
		rows,
		totals,
		grand,
		/** Students reached over every row (the events' 学生 audience counts). */
		students: rows.reduce((n, r) => n + r.students, 0)
	};
}

/**
 * The town × theme table for a period: events and participants per town (where they were held)
 * and theme, with row and column totals. Every town in scope gets a row, so a town with no events
 * shows as zero.
 */
export function summary(f: SummaryFilter) {
	const data = summaryCells(f, sql<string | null>`cast(${event.townId} as text)`);
	const townList = towns
		.list({ includeInactive: true })
		.filter((t) =>
			f.scope
				? f.scope.includes(t.id)
				: t.active || data.cells.some((c) => c.rowKey === String(t.id))
		);
	return tabulate(
		data,
		townList.map((t) => ({
			key: String(t.id),
			name: t.name,
			filter: `town=${t.slug}`,
			townId: t.id,
			townName: t.name,
			townSlug: t.slug
		}))
	);
}

/**
 * The unit × theme table: events by the unit that owns them — each town for its own events, each
 * district department for its events wherever (or wherever not) they were held. A town officer
 * sees their town's row, a department officer their department's, a district admin every unit.
 */
export function unitSummary(f: SummaryFilter) {
	const data = summaryCells(
		f,
		sql<string>`case when ${event.departmentId} is not null then 'department-' || ${event.departmentId} else 'town-' || ${event.townId} end`
	);
	const seen = new Set(data.cells.map((c) => c.rowKey));
	const townRows = towns
		.list({ includeInactive: true })
		.filter((t) =>
			f.departmentId
				? false
				: f.scope
					? f.scope.includes(t.id)
					: t.active || seen.has(`town-${t.id}`)
		)
		.map((t) => ({
			key: `town-${t.id}`,
			kind: 'town' as const,
			name: t.name,
			filter: `town=${t.slug}`
		}));
	const deptRows = departments
		.list({ includeInactive: true })
		.filter((d) =>
			f.departmentId
				? d.id === f.departmentId
				: !f.scope && (d.active || seen.has(`department-${d.id}`))
		)
		.map((d) => ({
			key: `department-${d.id}`,
			kind: 'department' as const,
			name: d.name,
			filter: `department=${d.id}`
		}));
	return tabulate(data, [...townRows, ...deptRows]);
}

/**
 * Per-town event counts and participants for a period, every active town included (zero when it
 * held none), for the campaign dashboard beside each town's commitment progress.
 */
export function townTotals(period: { from?: string; to?: string; publicOnly?: boolean } = {}) {
	return cached(`events.townTotals:${period.from}|${period.to}|${period.publicOnly}`, () =>
		computeTownTotals(period)
	);
}

function computeTownTotals(period: { from?: string; to?: string; publicOnly?: boolean }) {
	const sums = db
		.select({
			townId: event.townId,
			count: count(),
			participants: sql<number>`coalesce(sum(${event.participants}), 0)`,
			lastDate: sql<string | null>`max(${event.startDate})`
		})
		.from(event)
		.where(conditions({ scope: null, ...period }))
		.groupBy(event.townId)
		.all();
	const byTown = new Map(sums.map((s) => [s.townId, s]));
	return towns.list().map((t) => {
		const s = byTown.get(t.id);
		return {
			townId: t.id,
			slug: t.slug,
			name: t.name,
			count: s?.count ?? 0,
			participants: Number(s?.participants ?? 0),
			lastDate: s?.lastDate ?? null
		};
	});
}

/** Public events with a location, compact, for the events layer of the public map. */
export function mapPoints(period: { from?: string; to?: string; townId?: number } = {}) {
	const where = and(
		conditions({ scope: null, publicOnly: true, ...period }),
		sql`${event.lat} is not null and ${event.lng} is not null`
	);
	return baseQuery(where)
		.orderBy(desc(event.startDate))
		.limit(5000)
		.all()
		.map((e) => ({
			id: e.id,
			title: e.title,
			lat: e.lat!,
			lng: e.lng!,
			startDate: e.startDate,
			endDate: e.endDate,
			theme: e.themeName,
			town: e.townName,
			url: `/events/${e.id}`
		}));
}

/** A public event with its photos, or undefined when it does not exist or is not public. */
export function publicGet(id: number) {
	const e = get(id);
	return e?.isPublic ? e : undefined;
}

/** The open-data shape of an event. */
export function toPublic(e: EventRow, photos?: { url: string }[]) {
	return {
		id: e.id,
		title: e.title,
		town: e.townSlug ? { slug: e.townSlug, name: e.townName } : null,
		organiser: e.departmentName ?? e.townName,
		theme: e.themeName,
		form: e.formName,
		venue: e.venue,
		location: e.lat != null && e.lng != null ? { lat: e.lat, lng: e.lng } : null,
		startDate: e.startDate,
		startTime: e.startTime,
		endDate: e.endDate,
		endTime: e.endTime,
		organisers: e.organisers,
		participants: e.participants,
		materials: e.materials,
		summary: e.summary,
		photos: photos ? photos.map((p) => p.url) : e.cover ? [imageUrl(e.cover)!] : [],
		url: `/events/${e.id}`
	};
}

/** A page of public events in their open-data shape, each with all its photos. */
export function publicList(f: Omit<EventFilter, 'scope' | 'publicOnly'>) {
	const result = list({ ...f, scope: null, publicOnly: true });
	const ids = result.items.map((e) => e.id);
	const photos = ids.length
		? db
				.select()
				.from(eventPhoto)
				.where(inArray(eventPhoto.eventId, ids))
				.orderBy(asc(eventPhoto.sortOrder), asc(eventPhoto.id))
				.all()
		: [];
	return {
		items: result.items.map((e) =>
			toPublic(
				e,
				photos.filter((p) => p.eventId === e.id).map((p) => ({ url: imageUrl(p.key)! }))
			)
		),
		page: result.page,
		pageSize: result.pageSize,
		total: result.total
	};
}

export function themeByName(name: string) {
	return optionByName('theme', name);
}

// ---------------------------------------------------------------- import

export const IMPORT_COLUMNS = [
	'活动名称',
	'街镇',
	'主题',
	'形式',
	'开始日期',
	'结束日期',
	'地点',
	'主办单位',
	'参与人数',
	'发放资料',
	'活动简介',
	'是否公开',
	'纬度',
	'经度'
];
export const IMPORT_REQUIRED = ['活动名称', '街镇', '主题', '形式', '开始日期'];

export type ImportRow = EventInput & { townName: string; themeName: string; formName: string };

const YES = new Set(['是', '公开', 'y', 'yes', '1', 'true', '']);
const NO = new Set(['否', '不公开', 'n', 'no', '0', 'false']);

/**
 * Checks every row of an import file. A town officer's rows may leave 街镇 empty (their town) and
 * may not name another town. A row that repeats an earlier row of the file is refused.
 */
export function checkImport(actor: Actor, sheet: Sheet): Checked<ImportRow> {
	const themes = new Map(options('theme').map((o) => [o.name, o.id]));
	const forms = new Map(options('form').map((o) => [o.name, o.id]));
	const ownTown =
		actor.role === 'town_officer' && actor.townIds.length === 1 ? actor.townIds[0] : undefined;
	const seen = new Set<string>();
	const out: Checked<ImportRow> = { good: [], bad: [], total: sheet.rows.length };
	for (const { line, cells } of sheet.rows) {
		const summaryText = [cells['活动名称'], cells['街镇'], cells['开始日期']]
			.filter(Boolean)
			.join(' · ');
		const bad = (reason: string) => out.bad.push({ line, reason, summary: summaryText });
		const title = cells['活动名称'] ?? '';
		if (title.length < 2) {
			bad('活动名称为空或太短');
			continue;
		}
		if (title.length > 80) {
			bad('活动名称超过 80 个字');
			continue;
		}
		const townName = cells['街镇'] ?? '';
		const t = townName ? towns.byName(townName) : ownTown ? towns.byId(ownTown) : undefined;
		if (!t) {
			bad(townName ? `没有名为「${townName}」的街镇，请写全称，如「佘山镇」` : '请填写街镇');
			continue;
		}
		if (!canWrite(actor, { townId: t.id })) {
			bad(`只能导入本街镇的活动，这一行属于${t.name}`);
			continue;
		}
		const themeId = themes.get(cells['主题'] ?? '');
		if (!themeId) {
			bad(`主题「${cells['主题'] ?? ''}」不在主题列表中，可用：${[...themes.keys()].join('、')}`);
			continue;
		}
		const formId = forms.get(cells['形式'] ?? '');
		if (!formId) {
			bad(`形式「${cells['形式'] ?? ''}」不在形式列表中，可用：${[...forms.keys()].join('、')}`);
			continue;
		}
		const startDate = parseDate(cells['开始日期']);
		if (!startDate) {
			bad(`开始日期「${cells['开始日期'] ?? ''}」无法识别，请写成 2023-06-01`);
			continue;
		}
		const endRaw = cells['结束日期'] ?? '';
		const endDate = endRaw ? parseDate(endRaw) : startDate;
		if (!endDate) {
			bad(`结束日期「${endRaw}」无法识别，请写成 2023-06-01`);
			continue;
		}
		if (endDate < startDate) {
			bad('结束日期早于开始日期');
			continue;
		}
		const pRaw = (cells['参与人数'] ?? '').replace(/[,，\s人]/g, '');
		const participants = pRaw === '' ? 0 : Number(pRaw);
		if (!Number.isInteger(participants) || participants < 0 || participants > 1_000_000) {
			bad(`参与人数「${cells['参与人数']}」应为不小于 0 的整数`);
			continue;
		}
		const pub = (cells['是否公开'] ?? '').toLowerCase();
		if (!YES.has(pub) && !NO.has(pub)) {
			bad(`是否公开「${cells['是否公开']}」应填「是」或「否」`);
			continue;
		}
		const latRaw = cells['纬度'] ?? '';
		const lngRaw = cells['经度'] ?? '';
		let lat: number | null = null;
		let lng: number | null = null;
		if (latRaw || lngRaw) {
			lat = Number(latRaw);
			lng = Number(lngRaw);
			if (
				!latRaw ||
				!lngRaw ||
				!Number.isFinite(lat) ||
				!Number.isFinite(lng) ||
				Math.abs(lat) > 90 ||
				Math.abs(lng) > 180
			) {
				bad('经纬度应同时填写，且为数字（如 纬度 31.03、经度 121.22）');
				continue;
			}
		}
		const long = (field: string, max: number) => (cells[field] ?? '').length > max;
		if (
			long('地点', 100) ||
			long('主办单位', 200) ||
			long('发放资料', 200) ||
			long('活动简介', 2000)
		) {
			bad('地点、主办单位、发放资料或活动简介过长');
			continue;
		}
		const dupKey = `${t.id}|${startDate}|${title}`;
		if (seen.has(dupKey)) {
			bad('与文件中前面的一行重复（同一街镇、同一天、同名活动）');
			continue;
		}
		seen.add(dupKey);
		out.good.push({
			line,
			value: {
				title,
				townId: t.id,
				departmentId: null,
				themeId,
				formId,
				venue: cells['地点'] ?? '',
				lat,
				lng,
				startDate,
				startTime: undefined,
				endDate,
				endTime: undefined,
				organisers: cells['主办单位'] ?? '',
				participants,
				materials: cells['发放资料'] ?? '',
				summary: cells['活动简介'] ?? '',
				isPublic: !NO.has(pub),
				townName: t.name,
				themeName: cells['主题'],
				formName: cells['形式']
			}
		});
	}
	return out;
}

/**
 * Writes checked rows in one transaction. A row whose town, day and title already exist is left
 * as it is, so importing the same file twice changes nothing.
 */
export function commitImport(actor: Actor, rows: ImportRow[], now = new Date()) {
	return db.transaction((tx) => {
		let inserted = 0;
		for (const r of rows) {
			if (!canWrite(actor, r)) throw new EventError('只能导入本街镇的活动');
			const row = tx
				.insert(event)
				.values({ ...values(r), createdBy: actor.id, createdAt: now, updatedAt: now })
				.onConflictDoNothing()
				.returning()
				.get();
			if (!row) continue;
			inserted += 1;
			audit.record(tx, actor, {
				action: 'event.import',
				entityType: 'event',
				entityId: row.id,
				townId: row.townId,
				after: row
			});
		}
		return { inserted, skipped: rows.length - inserted };
	});
}

/** The event import, for the web flow and the CLI. */
export const importSpec: import('../files/imports').Spec<{ actor: Actor }, ImportRow> = {
	kind: () => 'events',
	columns: IMPORT_COLUMNS,
	required: IMPORT_REQUIRED,
	example: {
		活动名称: '诚信进社区·居民诚信宣讲会',
		街镇: '佘山镇',
		主题: '诚信进社区',
		形式: '事迹宣讲',
		开始日期: '2026-06-06',
		结束日期: '',
		地点: '佘山社区文化活动中心',
		主办单位: '佘山镇党群服务中心、区市场监管局',
		参与人数: '120',
		发放资料: '诚信宣传册 200 份',
		活动简介: '邀请诚信经营商户代表讲述经营故事。',
		是否公开: '是',
		纬度: '31.095',
		经度: '121.195'
	},
	template: () => '宣传教育活动导入模板',
	unit: '场',
	noun: '活动',
	check: (sheet, c) => checkImport(c.actor, sheet),
	commit(c, rows) {
		const r = commitImport(c.actor, rows);
		return { created: r.inserted, unchanged: r.skipped };
	},
	sample: (v) => ({
		活动名称: v.title,
		街镇: v.townName,
		主题: v.themeName,
		形式: v.formName,
		日期: v.endDate === v.startDate ? v.startDate : `${v.startDate} 至 ${v.endDate}`,
		参与人数: String(v.participants),
		公开: v.isPublic ? '是' : '否'
	})
};
