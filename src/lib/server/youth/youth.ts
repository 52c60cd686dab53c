/**
 * Schools and young people (青少年诚信教育): the schools register, what an event reached (audience
 * counts, schools with their students, its 法治信用一体化 activity type), and 区教育局's view of a
 * year — schools reached and not yet, students per grade band and town, activity by type, and
 * students per town and theme.
 */
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db, type Tx } from '../db';
import {
	event,
	eventAudience,
	eventOption,
	eventSchool,
	eventYouth,
	school,
	town,
	type School
} from '../db/schema';
import * as audit from '../audit';
import { townIn } from '../access';
import { DomainError } from '../forms';
import type { Actor } from '../actor';
import {
	schoolFormSchema,
	type EventReach,
	type SchoolFormInput,
	type SchoolInput
} from '../../schemas/youth';
import type { Checked, Spec } from '../files/imports';
import type { Sheet } from '../files/tabular';
import * as towns from '../towns';
import * as departments from '../plan/departments';
import type { SessionUser } from '../auth/session';
import {
	AUDIENCES,
	SCHOOL_KINDS,
	SCHOOL_KIND_LABEL,
	YOUTH_ACTIVITY_TYPES,
	YOUTH_DESK,
	type Audience,
	type SchoolKind,
	type YouthActivityType
} from '../../youth';

type Scope = Parameters<typeof townIn>[1];

// ------------------------------------------------------------ schools

const SCHOOL_ROW = {
	id: school.id,
	name: school.name,
	kind: school.kind,
	townId: school.townId,
	townName: town.name,
	address: school.address,
	lat: school.lat,
	lng: school.lng
};

/** Active schools in the scope, by town (district order), grade band and name. */
export function schools(scope: Scope = null) {
	return db
		.select(SCHOOL_ROW)
		.from(school)
		.innerJoin(town, eq(town.id, school.townId))
		.where(and(eq(school.active, true), townIn(school.townId, scope)))
		.orderBy(asc(town.sortOrder), asc(school.kind), asc(school.name))
		.all();
}

export function schoolByName(name: string): School | undefined {
	return db.select().from(school).where(eq(school.name, name)).get();
}

export function createSchool(
	actor: Actor,
	input: SchoolInput & { lat?: number | null; lng?: number | null },
	now = new Date()
) {
	if (schoolByName(input.name)) throw new DomainError('name', '已有同名学校');
	return db.transaction((tx) => {
		const row = tx
			.insert(school)
			.values({ ...input, lat: input.lat ?? null, lng: input.lng ?? null, createdAt: now })
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'school.create',
			entityType: 'school',
			entityId: row.id,
			townId: row.townId,
			after: row
		});
		return row;
	});
}

/** The district's schools page: every school (retired ones last), of one town when given. */
export function register(townId?: number | null) {
	return db
		.select({ ...SCHOOL_ROW, active: school.active })
		.from(school)
		.innerJoin(town, eq(town.id, school.townId))
		.where(townId != null ? eq(school.townId, townId) : undefined)
		.orderBy(desc(school.active), asc(town.sortOrder), asc(school.kind), asc(school.name))
		.all();
}

export function schoolById(id: number): School | undefined {
	return db.select().from(school).where(eq(school.id, id)).get();
}

function patchOf(input: SchoolFormInput) {
	const { name, kind, townId, address, lat, lng } = input;
	return { name, kind, townId, address, lat, lng };
}

function sameSchool(before: School, input: SchoolFormInput) {
	const patch = patchOf(input);
	return (Object.keys(patch) as (keyof typeof patch)[]).every((k) => patch[k] === before[k]);
}

/**
 * Writes a change to school `id` and its audit entry, when `check` (given the stored row) finds
 * something to change; returns the stored row either way.
 */
function changeSchool(
	actor: Actor,
	id: number,
	action: string,
	check: (before: School, tx: Tx) => Partial<School> | null,
	now: Date
) {
	return db.transaction((tx) => {
		const before = tx.select().from(school).where(eq(school.id, id)).get();
		if (!before) throw new DomainError('_', '学校不存在');
		const patch = check(before, tx);
		if (!patch) return before;
		const after = tx.update(school).set(patch).where(eq(school.id, id)).returning().get();
		audit.record(
			tx,
			actor,
			{ action, entityType: 'school', entityId: id, townId: after.townId, before, after },
			now
		);
		return after;
	});
}

/** Changes a school's name, grade band, town, address or location; audited when anything changed. */
export function updateSchool(actor: Actor, id: number, input: SchoolFormInput, now = new Date()) {
	return changeSchool(
		actor,
		id,
		'school.update',
		(before, tx) => {
			const twin = tx
				.select({ id: school.id })
				.from(school)
				.where(eq(school.name, input.name))
				.get();
			if (twin && twin.id !== id) throw new DomainError('name', '已有同名学校');
			return sameSchool(before, input) ? null : patchOf(input);
		},
		now
	);
}

/**
 * Retires a school (or brings it back): it leaves the pickers and the education bureau's view;
 * events that reached it keep it.
 */
export function setSchoolActive(actor: Actor, id: number, active: boolean, now = new Date()) {
	return changeSchool(
		actor,
		id,
		active ? 'school.restore' : 'school.retire',
		(before) => (before.active === active ? null : { active }),
		now
	);
}

// ------------------------------------------------------------ the schools import

const KIND_BY_LABEL = new Map(SCHOOL_KINDS.map((k) => [SCHOOL_KIND_LABEL[k], k]));

/** Checks the rows of a schools sheet (学校名称, 学段, 所属街镇, 地址, 纬度, 经度); writes nothing. */
export function checkSchoolImport(sheet: Sheet): Checked<SchoolFormInput> {
	const good: Checked<SchoolFormInput>['good'] = [];
	const bad: Checked<SchoolFormInput>['bad'] = [];
	const seen = new Map<string, number>();
	for (const row of sheet.rows) {
		const c = row.cells;
		const name = (c['学校名称'] ?? '').trim();
		const summary = `${name} ${c['所属街镇'] ?? ''}`.trim();
		const kindRaw = (c['学段'] ?? '').trim();
		const kind = KIND_BY_LABEL.get(kindRaw as never);
		if (!kind) {
			bad.push({
				line: row.line,
				summary,
				reason: `学段「${kindRaw}」无效，应为 ${Object.values(SCHOOL_KIND_LABEL).join('、')} 之一`
			});
			continue;
		}
		const townRaw = (c['所属街镇'] ?? '').trim();
		const t = towns.byName(townRaw);
		if (!t) {
			bad.push({ line: row.line, summary, reason: `所属街镇「${townRaw}」不存在，请填写街镇全称` });
			continue;
		}
		const parsed = schoolFormSchema.safeParse({
			name,
			kind,
			townId: t.id,
			address: c['地址'] ?? '',
			locationLat: c['纬度'] ?? '',
			locationLng: c['经度'] ?? ''
		});
		if (!parsed.success) {
			bad.push({ line: row.line, summary, reason: parsed.error.issues[0].message });
			continue;
		}
		if (seen.has(parsed.data.name)) {
			bad.push({
				line: row.line,
				summary,
				reason: `学校名称与第 ${seen.get(parsed.data.name)} 行重复`
			});
			continue;
		}
		seen.set(parsed.data.name, row.line);
		good.push({ line: row.line, value: parsed.data });
	}
	return { good, bad, total: sheet.rows.length };
}

/** Writes checked rows in one transaction: a new name is added, a known one updated. */
export function commitSchoolImport(actor: Actor, rows: SchoolFormInput[], now = new Date()) {
	let created = 0;
	let updated = 0;
	let unchanged = 0;
	db.transaction(() => {
		for (const r of rows) {
			const before = schoolByName(r.name);
			if (!before) {
				createSchool(actor, r, now);
				created++;
			} else if (before.active && sameSchool(before, r)) unchanged++;
			else {
				updateSchool(actor, before.id, r, now);
				setSchoolActive(actor, before.id, true, now);
				updated++;
			}
		}
	});
	return { created, updated, unchanged };
}

/** The schools import, for the CLI (the same flow as every import). */
export const schoolImportSpec: Spec<{ actor: Actor }, SchoolFormInput> = {
	kind: () => 'schools',
	columns: ['学校名称', '学段', '所属街镇', '地址', '纬度', '经度'],
	required: ['学校名称', '学段', '所属街镇'],
	example: {
		学校名称: '上海市松江区岳阳小学',
		学段: '小学',
		所属街镇: '岳阳街道',
		地址: '岳阳街道人民北路 100 号',
		纬度: '31.0100',
		经度: '121.2300'
	},
	template: () => '学校导入模板',
	unit: '所',
	noun: '学校',
	check: (sheet) => checkSchoolImport(sheet),
	commit: (c, rows) => commitSchoolImport(c.actor, rows),
	sample: (v) => ({ 学校名称: v.name, 学段: SCHOOL_KIND_LABEL[v.kind] })
};

// ------------------------------------------------------------ an event's reach

/**
 * Whether the actor may name a school of `townId` on an event: a town officer only its towns'
 * schools (its events are its towns'); district admins, the system and department officers any
 * (a department's events are district-wide — 区教育局 works with every school).
 */
function maySchool(actor: Actor, townId: number) {
	if (actor.role === 'district_admin' || actor.role === 'system') return true;
	if (actor.role === 'department_officer') return true;
	return actor.townIds.includes(townId);
}

export type Youth = EventReach['youth'];

/** Replaces what an event reached: its audience counts, schools and activity type. */
export function setForEvent(actor: Actor, eventId: number, youth: Youth, now = new Date()) {
	db.transaction((tx) => {
		const ev = tx
			.select({ id: event.id, townId: event.townId })
			.from(event)
			.where(eq(event.id, eventId))
			.get();
		if (!ev) throw new DomainError('_', '活动不存在');
		const ids = youth.schools.map((s) => s.schoolId);
		if (ids.length) {
			const found = tx
				.select({ id: school.id, name: school.name, townId: school.townId })
				.from(school)
				.where(and(inArray(school.id, ids), eq(school.active, true)))
				.all();
			if (found.length !== new Set(ids).size) throw new DomainError('reachSchool', '请选择学校');
			const foreign = found.find((s) => !maySchool(actor, s.townId));
			if (foreign)
				throw new DomainError(
					'reachSchool',
					`“${foreign.name}”不在您负责的街镇，只能选择本街镇的学校`
				);
		}
		const before = ofEvent(eventId);
		tx.delete(eventAudience).where(eq(eventAudience.eventId, eventId)).run();
		tx.delete(eventSchool).where(eq(eventSchool.eventId, eventId)).run();
		tx.delete(eventYouth).where(eq(eventYouth.eventId, eventId)).run();
		const audiences = Object.entries(youth.audiences) as [Audience, number][];
		if (audiences.length)
			tx.insert(eventAudience)
				.values(audiences.map(([audience, count]) => ({ eventId, audience, count })))
				.run();
		if (youth.schools.length)
			tx.insert(eventSchool)
				.values(youth.schools.map((s) => ({ eventId, ...s })))
				.run();
		if (youth.activityType)
			tx.insert(eventYouth).values({ eventId, activityType: youth.activityType }).run();
		const changed =
			JSON.stringify({
				a: before.audiences,
				s: before.schools.map((s) => [s.id, s.students]),
				t: before.activityType
			}) !==
			JSON.stringify({
				a: Object.fromEntries(audiences),
				s: youth.schools.map((s) => [s.schoolId, s.students]),
				t: youth.activityType
			});
		if (changed)
			audit.record(
				tx,
				actor,
				{
					action: 'event.reach',
					entityType: 'event',
					entityId: eventId,
					townId: ev.townId,
					before,
					after: youth
				},
				now
			);
	});
}

/** What an event reached. */
export function ofEvent(eventId: number) {
	const audiences = Object.fromEntries(
		db
			.select({ a: eventAudience.audience, n: eventAudience.count })
			.from(eventAudience)
			.where(eq(eventAudience.eventId, eventId))
			.all()
			.map((r) => [r.a, r.n])
	) as Partial<Record<Audience, number>>;
	const reached = db
		.select({ id: school.id, name: school.name, kind: school.kind, students: eventSchool.students })
		.from(eventSchool)
		.innerJoin(school, eq(school.id, eventSchool.schoolId))
		.where(eq(eventSchool.eventId, eventId))
		.orderBy(asc(school.name))
		.all();
	const activityType =
		db
			.select({ t: eventYouth.activityType })
			.from(eventYouth)
			.where(eq(eventYouth.eventId, eventId))
			.get()?.t ?? null;
	return { audiences, schools: reached, activityType };
}

// ------------------------------------------------------------ the education bureau's view

/** Who reads the view: district admins and 区教育局's own officers. */
export function canOpenView(u: Pick<SessionUser, 'role' | 'departmentId'>) {
	if (u.role === 'district_admin') return true;
	return (
		u.role === 'department_officer' &&
		u.departmentId != null &&
		departments.byId(u.departmentId)?.name === YOUTH_DESK
	);
}

function inYear(year: number) {
	return and(gte(event.startDate, `${year}-01-01`), lte(event.startDate, `${year}-12-31`));
}

/** 区教育局's view of a year, over the towns in scope. */
export function view(year: number, scope: Scope = null) {
	const where = and(inYear(year), townIn(event.townId, scope));
	const all = schools(scope);
	const perSchool = new Map(
		db
			.select({
				schoolId: eventSchool.schoolId,
				events: sql<number>`count(distinct ${event.id})`,
				students: sql<number>`sum(${eventSchool.students})`
			})
			.from(eventSchool)
			.innerJoin(event, eq(event.id, eventSchool.eventId))
			.where(where)
			.groupBy(eventSchool.schoolId)
			.all()
			.map((r) => [r.schoolId, r])
	);
	const reached = all
		.filter((s) => perSchool.has(s.id))
		.map((s) => ({
			...s,
			events: perSchool.get(s.id)!.events,
			students: perSchool.get(s.id)!.students
		}));
	const notReached = all.filter((s) => !perSchool.has(s.id));

	// Students per grade band and town, from the schools reached.
	const bandRows = db
		.select({
			townId: school.townId,
			kind: school.kind,
			students: sql<number>`sum(${eventSchool.students})`
		})
		.from(eventSchool)
		.innerJoin(event, eq(event.id, eventSchool.eventId))
		.innerJoin(school, eq(school.id, eventSchool.schoolId))
		.where(where)
		.groupBy(school.townId, school.kind)
		.all();
	const townsInView = db
		.select({ id: town.id, name: town.name, slug: town.slug })
		.from(town)
		.where(and(eq(town.active, true), townIn(town.id, scope)))
		.orderBy(asc(town.sortOrder))
		.all();
	const bands = townsInView.map((t) => {
		const cells = Object.fromEntries(SCHOOL_KINDS.map((k) => [k, 0])) as Record<SchoolKind, number>;
		for (const r of bandRows) if (r.townId === t.id) cells[r.kind] = r.students;
		return {
			...t,
			cells,
			total: SCHOOL_KINDS.reduce((n, k) => n + cells[k], 0),
			schools: all.filter((s) => s.townId === t.id).length,
			reached: reached.filter((s) => s.townId === t.id).length
		};
	});

	// Activity by type: events and students (the 学生 audience).
	const students = sql<number>`coalesce((select a.count from event_audience a where a.event_id = ${event.id} and a.audience = 'student'), 0)`;
	const typeRows = db
		.select({
			type: eventYouth.activityType,
			events: sql<number>`count(*)`,
			students: sql<number>`sum(${students})`
		})
		.from(eventYouth)
		.innerJoin(event, eq(event.id, eventYouth.eventId))
		.where(where)
		.groupBy(eventYouth.activityType)
		.all();
	const byType = YOUTH_ACTIVITY_TYPES.map((type) => {
		const r = typeRows.find((x) => x.type === type);
		return { type, events: r?.events ?? 0, students: r?.students ?? 0 };
	});

	// Students reached per town and theme (the summary table's shape).
	const theme = alias(eventOption, 'theme');
	const themeRows = db
		.select({
			townId: event.townId,
			themeId: event.themeId,
			themeName: theme.name,
			events: sql<number>`count(*)`,
			students: sql<number>`sum(${students})`
		})
		.from(event)
		.innerJoin(theme, eq(theme.id, event.themeId))
		.where(and(where, sql`${students} > 0`))
		.groupBy(event.townId, event.themeId)
		.all();
	const themes = [...new Map(themeRows.map((r) => [r.themeId, r.themeName])).entries()].map(
		([id, name]) => ({ id, name })
	);
	const townTheme = townsInView.map((t) => ({
		...t,
		cells: Object.fromEntries(
			themes.map((th) => {
				const r = themeRows.find((x) => x.townId === t.id && x.themeId === th.id);
				return [th.id, { events: r?.events ?? 0, students: r?.students ?? 0 }];
			})
		) as Record<number, { events: number; students: number }>
	}));

	const totals = figuresOver(where);
	return {
		year,
		reached,
		notReached,
		bands,
		byType,
		themes,
		townTheme,
		totals: { ...totals, schools: all.length }
	};
}

function figuresOver(where: ReturnType<typeof and>) {
	const schoolsReached =
		db
			.select({ n: sql<number>`count(distinct ${eventSchool.schoolId})` })
			.from(eventSchool)
			.innerJoin(event, eq(event.id, eventSchool.eventId))
			.where(where)
			.get()?.n ?? 0;
	const studentsReached =
		db
			.select({ n: sql<number>`coalesce(sum(${eventAudience.count}), 0)` })
			.from(eventAudience)
			.innerJoin(event, eq(event.id, eventAudience.eventId))
			.where(and(where, eq(eventAudience.audience, 'student')))
			.get()?.n ?? 0;
	const youthEvents =
		db
			.select({ n: sql<number>`count(*)` })
			.from(eventYouth)
			.innerJoin(event, eq(event.id, eventYouth.eventId))
			.where(where)
			.get()?.n ?? 0;
	return { schoolsReached, studentsReached, youthEvents };
}

/** Row 41 of the work plan: schools reached and students reached in the year, district-wide. */
export function figures(year: number) {
	const schoolsTotal =
		db
			.select({ n: sql<number>`count(*)` })
			.from(school)
			.where(eq(school.active, true))
			.get()?.n ?? 0;
	return { row: 41, year, ...figuresOver(inYear(year)), schoolsTotal };
}

export type { YouthActivityType };
export { AUDIENCES };
