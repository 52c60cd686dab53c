/**
 * Honest-metrology demonstration units (诚信计量示范单位): the unit records (创建中 → 已命名 →
 * 已撤销, named and reviewed yearly by inspections against the unit standard — see naming.ts),
 * their fair scales (公平秤) and check log, the merchants trading inside a market, the public list
 * and map layer, and the figures of row 39.
 */
import { and, asc, count, desc, eq, gte, like, or, sql, type SQL } from 'drizzle-orm';
import { db } from '../db';
import {
	fairScale,
	fairScaleCheck,
	instrument,
	merchant,
	metrologyUnit,
	street,
	town,
	type MetrologyUnit
} from '../db/schema';
import * as audit from '../audit';
import { can, townIn, type ActionOf } from '../access';
import type { Owner, Who } from '../access/policy';
import * as departments from '../plan/departments';
import { DomainError } from '../forms';
import * as instruments from '../streets/instruments';
import * as inspections from '../streets/inspections';
import type { Actor } from '../actor';
import type { ScaleCheckInput, UnitInput } from '../../schemas/metrology';
import * as query from '../query';
import {
	METROLOGY_DEPARTMENT,
	REVIEW_DAYS,
	UNIT_KINDS,
	UNIT_KIND_LABEL,
	type UnitKind,
	type UnitStatus
} from '../../metrology';
import { todayISO } from '../../format';
import { without } from '../stories/stories';

type Scope = Parameters<typeof townIn>[1];

/** Row 39's responsible unit: the department whose register the units are. */
function responsibleDepartmentId(): number | null {
	return departments.byName(METROLOGY_DEPARTMENT)?.id ?? null;
}

/** Whom a unit answers to under the access policy: its town, for the responsible department. */
export function ownerOf(u: { townId: number | null }): Owner {
	return { townId: u.townId, departmentId: responsibleDepartmentId() };
}

/**
 * The towns whose units the user may take the action on: null for every town (the district, and
 * the responsible department reading its register), else those of the user's towns it may.
 */
export function townsFor(u: Who, action: ActionOf<'metrology_unit'>): number[] | null {
	if (can(u, action, 'metrology_unit', ownerOf({ townId: null }))) return null;
	return u.townIds.filter((t) => can(u, action, 'metrology_unit', ownerOf({ townId: t })));
}

function canWrite(actor: Actor, townId: number, action: 'create' | 'update' = 'update') {
	return actor.role === 'system' || can(actor, action, 'metrology_unit', ownerOf({ townId }));
}

function checkTown(actor: Actor, townId: number, action: 'create' | 'update') {
	if (!db.select({ id: town.id }).from(town).where(eq(town.id, townId)).get())
		throw new DomainError('townId', '请选择街镇');
	if (!canWrite(actor, townId, action))
		throw new DomainError('townId', '您只能管理本街镇的示范单位');
}

export function byId(id: number): MetrologyUnit | undefined {
	return db.select().from(metrologyUnit).where(eq(metrologyUnit.id, id)).get();
}

function isDuplicate(e: unknown) {
	return e instanceof Error && /UNIQUE constraint failed: metrology_unit\.uscc/.test(e.message);
}

export function create(actor: Actor, input: UnitInput, now = new Date()) {
	checkTown(actor, input.townId, 'create');
	try {
		return db.transaction((tx) => {
			const row = tx
				.insert(metrologyUnit)
				.values({ ...input, status: 'building', createdAt: now, updatedAt: now })
				.returning()
				.get();
			audit.record(tx, actor, {
				action: 'metrology_unit.create',
				entityType: 'metrology_unit',
				entityId: row.id,
				townId: row.townId,
				after: row
			});
			return row;
		});
	} catch (e) {
		if (isDuplicate(e)) throw new DomainError('uscc', '已登记过这个统一社会信用代码的示范单位');
		throw e;
	}
}

function loadForWrite(actor: Actor, id: number) {
	const u = byId(id);
	if (!u) throw new DomainError('_', '示范单位不存在');
	if (!canWrite(actor, u.townId)) throw new DomainError('_', '您只能管理本街镇的示范单位');
	return u;
}

export function update(actor: Actor, id: number, input: UnitInput, now = new Date()) {
	const before = loadForWrite(actor, id);
	checkTown(actor, input.townId, 'update');
	try {
		return db.transaction((tx) => {
			const after = tx
				.update(metrologyUnit)
				.set({ ...input, updatedAt: now })
				.where(eq(metrologyUnit.id, id))
				.returning()
				.get();
			audit.record(tx, actor, {
				action: 'metrology_unit.update',
				entityType: 'metrology_unit',
				entityId: id,
				townId: after.townId,
				before,
				after
			});
			return after;
		});
	} catch (e) {
		if (isDuplicate(e)) throw new DomainError('uscc', '已登记过这个统一社会信用代码的示范单位');
		throw e;
	}
}

/** 撤销: a named unit loses its name, with the day and the reason. */
export function revoke(actor: Actor, id: number, reason: string, now = new Date()) {
	const before = loadForWrite(actor, id);
	if (before.status !== 'named') throw new DomainError('_', '只有已命名的示范单位可以撤销');
	return db.transaction((tx) => {
		const after = tx
			.update(metrologyUnit)
			.set({ status: 'revoked', revokedOn: todayISO(now), revokeReason: reason, updatedAt: now })
			.where(eq(metrologyUnit.id, id))
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'metrology_unit.revoked',
			entityType: 'metrology_unit',
			entityId: id,
			townId: after.townId,
			before: { status: before.status },
			after: { status: after.status, revokeReason: reason }
		});
		return after;
	});
}

/** Opens (or returns the open) inspection of the unit against the unit standard. */
export function startInspection(actor: Actor, id: number) {
	const u = byId(id);
	if (!u) throw new DomainError('_', '示范单位不存在');
	return inspections.start(actor, { unitId: u.id });
}

/** The day the next yearly review is due, for a named unit. */
export function reviewDueOn(u: Pick<MetrologyUnit, 'status' | 'reviewedOn' | 'namedOn'>) {
	const from = u.reviewedOn ?? u.namedOn;
	if (u.status !== 'named' || !from) return null;
	return new Date(Date.parse(from) + REVIEW_DAYS * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Named units (in the user's towns) whose yearly review falls on or before `by`: overdue when
 * before today. The same day as `reviewDueOn`, in SQL.
 */
export function reviewsDue(scope: Scope, by: string) {
	const due = sql<string>`date(coalesce(${metrologyUnit.reviewedOn}, ${metrologyUnit.namedOn}), ${`+${REVIEW_DAYS} days`})`;
	return db
		.select({ id: metrologyUnit.id, name: metrologyUnit.name, reviewDueOn: due })
		.from(metrologyUnit)
		.where(
			and(
				eq(metrologyUnit.status, 'named'),
				townIn(metrologyUnit.townId, scope),
				sql`${due} <= ${by}`
			)
		)
		.orderBy(due)
		.all();
}

// ------------------------------------------------------------ fair scales

export function addScale(
	actor: Actor,
	unitId: number,
	input: { serial: string; place: string },
	now = new Date()
) {
	const u = loadForWrite(actor, unitId);
	return db.transaction((tx) => {
		const row = tx
			.insert(fairScale)
			.values({ unitId, ...input, createdAt: now })
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'fair_scale.create',
			entityType: 'fair_scale',
			entityId: row.id,
			townId: u.townId,
			after: row
		});
		return row;
	});
}

export function checkScale(actor: Actor, unitId: number, input: ScaleCheckInput, now = new Date()) {
	const u = loadForWrite(actor, unitId);
	const scale = db.select().from(fairScale).where(eq(fairScale.id, input.scaleId)).get();
	if (!scale || scale.unitId !== unitId) throw new DomainError('scaleId', '公平秤不存在');
	if (!scale.active) throw new DomainError('scaleId', '这台公平秤已停用，不能再记录核查');
	if (input.checkedOn > todayISO(now)) throw new DomainError('checkedOn', '核查日期不能晚于今天');
	return db.transaction((tx) => {
		const row = tx
			.insert(fairScaleCheck)
			.values({
				scaleId: scale.id,
				checkedOn: input.checkedOn,
				checker: input.checker,
				result: input.result,
				note: input.note,
				createdBy: actor.id,
				createdAt: now
			})
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'fair_scale.check',
			entityType: 'fair_scale',
			entityId: scale.id,
			townId: u.townId,
			after: row
		});
		return row;
	});
}

/**
 * 停用: a fair scale taken out of use keeps its check log for the staff; the public pages, the map
 * and the figures count only scales in use.
 */
export function retireScale(actor: Actor, unitId: number, scaleId: number, now = new Date()) {
	const u = loadForWrite(actor, unitId);
	const before = db.select().from(fairScale).where(eq(fairScale.id, scaleId)).get();
	if (!before || before.unitId !== unitId) throw new DomainError('_', '公平秤不存在');
	if (!before.active) throw new DomainError('_', '这台公平秤已经停用');
	return db.transaction((tx) => {
		const after = tx
			.update(fairScale)
			.set({ active: false })
			.where(eq(fairScale.id, scaleId))
			.returning()
			.get();
		audit.record(
			tx,
			actor,
			{
				action: 'fair_scale.retire',
				entityType: 'fair_scale',
				entityId: scaleId,
				townId: u.townId,
				before: { active: true },
				after: { active: false }
			},
			now
		);
		return after;
	});
}

/** A unit's fair scales with their latest checks: those in use first; `all` adds the retired. */
function scalesOf(unitId: number, all = false) {
	const scales = db
		.select()
		.from(fairScale)
		.where(and(eq(fairScale.unitId, unitId), all ? undefined : eq(fairScale.active, true)))
		.orderBy(desc(fairScale.active), asc(fairScale.id))
		.all();
	return scales.map((s) => {
		const checks = db
			.select()
			.from(fairScaleCheck)
			.where(eq(fairScaleCheck.scaleId, s.id))
			.orderBy(desc(fairScaleCheck.checkedOn), desc(fairScaleCheck.id))
			.limit(12)
			.all();
		return { ...s, checks, last: checks[0] ?? null };
	});
}

// ------------------------------------------------------------ merchants inside a market

/** A merchant (found by USCC, in the unit's town) trades inside the unit. */
export function attachMerchant(actor: Actor, unitId: number, uscc: string, now = new Date()) {
	const u = loadForWrite(actor, unitId);
	const m = db.select().from(merchant).where(eq(merchant.uscc, uscc)).get();
	if (!m) throw new DomainError('merchantUscc', '系统中没有这个统一社会信用代码的示范街商户');
	if (m.townId !== u.townId)
		throw new DomainError('merchantUscc', '这家商户不在本单位所在街镇，不能归入本单位');
	db.transaction((tx) => {
		tx.update(merchant).set({ unitId, updatedAt: now }).where(eq(merchant.id, m.id)).run();
		audit.record(tx, actor, {
			action: 'merchant.unit',
			entityType: 'merchant',
			entityId: m.id,
			townId: m.townId,
			before: { unitId: m.unitId },
			after: { unitId }
		});
	});
	return m;
}

export function detachMerchant(actor: Actor, unitId: number, merchantId: number, now = new Date()) {
	loadForWrite(actor, unitId);
	const m = db.select().from(merchant).where(eq(merchant.id, merchantId)).get();
	if (!m || m.unitId !== unitId) throw new DomainError('_', '商户不在本单位');
	db.transaction((tx) => {
		tx.update(merchant).set({ unitId: null, updatedAt: now }).where(eq(merchant.id, m.id)).run();
		audit.record(tx, actor, {
			action: 'merchant.unit',
			entityType: 'merchant',
			entityId: m.id,
			townId: m.townId,
			before: { unitId },
			after: { unitId: null }
		});
	});
}

function merchantsOf(unitId: number) {
	return db
		.select({
			id: merchant.id,
			name: merchant.name,
			level: merchant.level,
			streetName: street.name
		})
		.from(merchant)
		.innerJoin(street, eq(street.id, merchant.streetId))
		.where(eq(merchant.unitId, unitId))
		.orderBy(asc(merchant.name))
		.all();
}

// ------------------------------------------------------------ reading

export type ListFilter = {
	townId?: number;
	status?: UnitStatus;
	kind?: UnitKind;
	q?: string;
	limit?: number;
	offset?: number;
};

function where(scope: Scope, f: ListFilter): SQL | undefined {
	return and(
		townIn(metrologyUnit.townId, scope),
		f.townId ? eq(metrologyUnit.townId, f.townId) : undefined,
		f.status ? eq(metrologyUnit.status, f.status) : undefined,
		f.kind ? eq(metrologyUnit.kind, f.kind) : undefined,
		f.q
			? or(
					like(metrologyUnit.name, `%${f.q.replace(/[%_]/g, '')}%`),
					like(metrologyUnit.address, `%${f.q.replace(/[%_]/g, '')}%`)
				)
			: undefined
	);
}

function overdueSql(today: string) {
	return sql<number>`(select count(*) from instrument i where i.unit_id = ${metrologyUnit.id} and i.retired = 0 and i.next_due_on < ${today})`;
}

/** Units, by town and name, with their fair scales and overdue instruments counted. */
export function list(scope: Scope, f: ListFilter = {}, today = todayISO()) {
	const w = where(scope, f);
	const items = db
		.select({
			id: metrologyUnit.id,
			name: metrologyUnit.name,
			kind: metrologyUnit.kind,
			status: metrologyUnit.status,
			address: metrologyUnit.address,
			lat: metrologyUnit.lat,
			lng: metrologyUnit.lng,
			namedOn: metrologyUnit.namedOn,
			reviewedOn: metrologyUnit.reviewedOn,
			townName: town.name,
			townSlug: town.slug,
			fairScales: sql<number>`(select count(*) from fair_scale s where s.unit_id = ${metrologyUnit.id} and s.active = 1)`,
			instruments: sql<number>`(select count(*) from instrument i where i.unit_id = ${metrologyUnit.id} and i.retired = 0)`,
			overdue: overdueSql(today)
		})
		.from(metrologyUnit)
		.innerJoin(town, eq(town.id, metrologyUnit.townId))
		.where(w)
		.orderBy(asc(town.sortOrder), asc(metrologyUnit.name))
		.limit(f.limit ?? 50)
		.offset(f.offset ?? 0)
		.all()
		.map((u) => ({ ...u, reviewDueOn: reviewDueOn(u) }));
	const total = db.select({ n: count() }).from(metrologyUnit).where(w).get()?.n ?? 0;
	return { items, total };
}

/** A unit with its instruments (one register, one overdue rule), fair scales and merchants. */
export function detail(id: number, today = todayISO()) {
	const u = byId(id);
	if (!u) return undefined;
	const t = db.select().from(town).where(eq(town.id, u.townId)).get()!;
	return {
		unit: u,
		townName: t.name,
		reviewDueOn: reviewDueOn(u),
		instruments: instruments.forUnit(id, today),
		scales: scalesOf(id, true),
		merchants: merchantsOf(id),
		inspections: inspections.list(null, { unitId: id, limit: 20 })
	};
}

/**
 * The market (unit) a merchant trades in, for the merchant's public page: its name, and its id
 * when it is named (only a named unit has a public page).
 */
export function marketOf(merchantId: number) {
	const row = db
		.select({ id: metrologyUnit.id, name: metrologyUnit.name, status: metrologyUnit.status })
		.from(merchant)
		.innerJoin(metrologyUnit, eq(metrologyUnit.id, merchant.unitId))
		.where(eq(merchant.id, merchantId))
		.get();
	return row ? { name: row.name, publicId: row.status === 'named' ? row.id : null } : null;
}

/** The public list: named units only. */
export function publicList(f: Omit<ListFilter, 'status'> = {}, today = todayISO()) {
	const { items, total } = list(null, { ...f, status: 'named' }, today);
	return {
		items: items.map((u) => without(u, 'reviewedOn', 'reviewDueOn')),
		total
	};
}

/** A named unit's public page: no contact, its instruments with the overdue ones marked. */
export function publicDetail(id: number, today = todayISO()) {
	const d = detail(id, today);
	if (!d || d.unit.status !== 'named') return undefined;
	const { unit: u } = d;
	return {
		id: u.id,
		name: u.name,
		kind: u.kind,
		address: u.address,
		lat: u.lat,
		lng: u.lng,
		namedOn: u.namedOn,
		townName: d.townName,
		instruments: d.instruments
			.filter((i) => !i.retired)
			.map((i) => ({
				id: i.id,
				type: i.type,
				serial: i.serial,
				lastVerifiedOn: i.lastVerifiedOn,
				nextDueOn: i.nextDueOn,
				status: i.status
			})),
		scales: d.scales
			.filter((s) => s.active)
			.map((s) => ({
				id: s.id,
				serial: s.serial,
				place: s.place,
				lastCheckedOn: s.last?.checkedOn ?? null,
				lastResult: s.last?.result ?? null
			})),
		merchants: d.merchants.map((m) => ({ id: m.id, name: m.name }))
	};
}

/** The public map's layer: named units with a location, and their fair scales. */
export function mapLayer(today = todayISO()) {
	return list(null, { status: 'named', limit: 2000 }, today)
		.items.filter((u) => u.lat != null && u.lng != null)
		.map((u) => ({
			id: u.id,
			name: u.name,
			kind: u.kind,
			townName: u.townName,
			lat: u.lat!,
			lng: u.lng!,
			fairScales: u.fairScales,
			overdue: u.overdue
		}));
}

// ------------------------------------------------------------ figures

function quarterStart(today: string) {
	const m = Number(today.slice(5, 7));
	return `${today.slice(0, 4)}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
}

/**
 * Row 39 of the work plan: units named (now, and named in the year), instruments overdue in the
 * one register, and fair scales checked this quarter (of all in use).
 */
export function figures(year: number, today = todayISO()) {
	const named =
		db.select({ n: count() }).from(metrologyUnit).where(eq(metrologyUnit.status, 'named')).get()
			?.n ?? 0;
	const namedInYear =
		db
			.select({ n: count() })
			.from(metrologyUnit)
			.where(like(metrologyUnit.namedOn, `${year}-%`))
			.get()?.n ?? 0;
	const scalesChecked =
		db
			.select({ n: sql<number>`count(distinct ${fairScaleCheck.scaleId})` })
			.from(fairScaleCheck)
			.innerJoin(fairScale, eq(fairScale.id, fairScaleCheck.scaleId))
			.where(and(eq(fairScale.active, true), gte(fairScaleCheck.checkedOn, quarterStart(today))))
			.get()?.n ?? 0;
	const scales =
		db.select({ n: count() }).from(fairScale).where(eq(fairScale.active, true)).get()?.n ?? 0;
	const unitInstrumentsOverdue =
		db
			.select({ n: count() })
			.from(instrument)
			.where(
				and(
					sql`${instrument.unitId} is not null`,
					eq(instrument.retired, false),
					sql`${instrument.nextDueOn} < ${today}`
				)
			)
			.get()?.n ?? 0;
	return {
		row: 39,
		year,
		unitsNamed: named,
		unitsNamedInYear: namedInYear,
		instrumentsOverdue: instruments.overdueCount(today),
		unitInstrumentsOverdue,
		fairScalesCheckedThisQuarter: scalesChecked,
		fairScales: scales
	};
}

/** The form values of a stored unit. */
export function valuesOf(u: MetrologyUnit): Record<string, string> {
	return {
		name: u.name,
		kind: u.kind,
		uscc: u.uscc,
		townId: String(u.townId),
		address: u.address,
		contactName: u.contactName,
		contactPhone: u.contactPhone,
		locationLat: u.lat == null ? '' : String(u.lat),
		locationLng: u.lng == null ? '' : String(u.lng)
	};
}

/**
 * The public list's parameters (`q`, `town` slug, `kind`), read one way by the page and open data;
 * `whole`: every unit they select, unpaged (the GeoJSON download).
 */
export function readPublicList(url: URL, pageSize: number, opts: { whole?: boolean } = {}) {
	const read = query.list(
		url,
		{ town: query.town, kind: query.oneOf(UNIT_KINDS, UNIT_KIND_LABEL) },
		{ pageSize, maxPageSize: 100 }
	);
	const q = opts.whole ? query.whole(read) : read;
	const { town: t, kind } = q.filters;
	const found = publicList({ townId: t?.id, kind, q: q.q, limit: q.limit, offset: q.offset });
	return {
		list: query.paged(found.items, found.total, q),
		filters: { town: t?.slug ?? '', kind: kind ?? '', q: q.q ?? '' }
	};
}
