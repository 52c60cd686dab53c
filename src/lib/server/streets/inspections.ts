/**
 * Inspections (检查评审): a draft against the current published standard, scored item by item
 * with notes and photo evidence, then submitted. The total, veto hits and result are computed
 * here from the version's items, never taken from the form; a submitted merchant inspection
 * rates the merchant and grants or withdraws its badge (see supervision).
 */
import { and, asc, count as sqlCount, desc, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '../db';
import {
	inspection,
	inspectionInspector,
	inspectionScore,
	merchant,
	metrologyUnit,
	standard,
	street,
	town,
	user,
	type Inspection,
	type InspectionStatus
} from '../db/schema';
import * as audit from '../audit';
import { townIn } from '../access';
import * as standards from './standards';
import * as supervision from './supervision';
import * as unitNaming from '../metrology/naming';
import * as creditNaming from '../credit-towns/naming';
import type { Actor } from '../actor';
import { DomainError } from '../forms';
import { levelFor, scoreInspection } from './badge-state';
import { todayISO } from '../../format';
import * as reinspections from '../portal/reinspections';
import { REASON_MAX, REASON_MIN } from '../../schemas/corrections';
import type { StandardKind } from '../../streets';

export type ScoreInput = {
	itemId: number;
	/** Null when left blank: a draft keeps 0, a submission is refused. */
	points: number | null;
	vetoHit: boolean;
	note: string;
	/** Photo keys to add to what the item already has. */
	photoKeys?: string[];
};

export function byId(id: number): Inspection | undefined {
	return db.select().from(inspection).where(eq(inspection.id, id)).get();
}

/**
 * The town answering for an inspection now: its merchant's current town, or for a street's own
 * inspection the street's. Access is checked against this, never the copy stored on the row.
 */
export function currentTown(
	ins: Pick<Inspection, 'merchantId' | 'streetId' | 'unitId' | 'townId'>
): number {
	const t = ins.merchantId
		? db.select({ t: merchant.townId }).from(merchant).where(eq(merchant.id, ins.merchantId)).get()
		: ins.streetId
			? db.select({ t: street.townId }).from(street).where(eq(street.id, ins.streetId)).get()
			: ins.unitId
				? db
						.select({ t: metrologyUnit.townId })
						.from(metrologyUnit)
						.where(eq(metrologyUnit.id, ins.unitId))
						.get()
				: undefined;
	return t?.t ?? ins.townId;
}

/** An inspection with its standard version's items, its scores, its inspectors and its town now. */
export function detail(id: number) {
	const ins = byId(id);
	if (!ins) return undefined;
	const std = standards.byId(ins.standardId)!;
	const scores = db
		.select()
		.from(inspectionScore)
		.where(eq(inspectionScore.inspectionId, id))
		.all();
	const inspectors = db
		.select({ id: user.id, displayName: user.displayName })
		.from(inspectionInspector)
		.innerJoin(user, eq(user.id, inspectionInspector.userId))
		.where(eq(inspectionInspector.inspectionId, id))
		.all();
	return { inspection: ins, townId: currentTown(ins), standard: std, scores, inspectors };
}

/** The open draft, by anyone, for the same subject (merchant, unit or street) and kind. */
function openDraft(
	tx: Tx,
	subject: Pick<Inspection, 'kind' | 'merchantId' | 'unitId' | 'streetId' | 'creditTownId'>
): Inspection | undefined {
	return tx
		.select()
		.from(inspection)
		.where(
			and(
				eq(inspection.status, 'draft'),
				eq(inspection.kind, subject.kind),
				subject.merchantId
					? eq(inspection.merchantId, subject.merchantId)
					: subject.unitId
						? eq(inspection.unitId, subject.unitId)
						: subject.creditTownId
							? eq(inspection.creditTownId, subject.creditTownId)
							: eq(inspection.streetId, subject.streetId!)
			)
		)
		.get();
}

/**
 * What an inspection is of, for its pages and its printed sheet: the merchant, the metrology
 * unit or the street, with its address, its staff page and the street (or unit) it belongs to.
 */
export function subjectOf(ins: Inspection) {
	const streetRow = ins.streetId
		? db.select().from(street).where(eq(street.id, ins.streetId)).get()
		: undefined;
	const townName = db.select({ n: town.name }).from(town).where(eq(town.id, ins.townId)).get()?.n;
	const m = ins.merchantId
		? db.select().from(merchant).where(eq(merchant.id, ins.merchantId)).get()
		: undefined;
	const unit = ins.unitId
		? db.select().from(metrologyUnit).where(eq(metrologyUnit.id, ins.unitId)).get()
		: undefined;
	const subject = m
		? { name: m.name, href: `/staff/merchants/${m.id}`, address: m.address }
		: unit
			? { name: unit.name, href: `/staff/metrology/${unit.id}`, address: unit.address }
			: ins.creditTownId
				? {
						name: `${townName ?? ''}信用街镇示范创建`,
						href: `/staff/admin/credit-towns/${ins.creditTownId}`,
						address: ''
					}
				: { name: streetRow?.name ?? '', href: `/staff/streets/${ins.streetId}`, address: '' };
	return { subject, streetName: streetRow?.name ?? unit?.name ?? '', townName: townName ?? '' };
}

/**
 * Opens an inspection of a merchant (or, with the street standard, of a street) against the
 * current published version. An open draft by anyone for the same subject is returned instead.
 */
export function start(
	actor: Actor,
	target:
		| { merchantId: number }
		| { streetId: number }
		| { unitId: number }
		| { creditTownId: number; townId: number; standardId: number },
	now = new Date()
): Inspection {
	return db.transaction((tx) => {
		const kind =
			'merchantId' in target
				? 'merchant'
				: 'unitId' in target
					? 'metrology_unit'
					: 'creditTownId' in target
						? 'credit_town'
						: 'street';
		let streetId: number | null = null;
		let townId: number;
		let merchantId: number | null = null;
		let unitId: number | null = null;
		let creditTownId: number | null = null;
		if ('creditTownId' in target) {
			creditTownId = target.creditTownId;
			townId = target.townId;
		} else if ('unitId' in target) {
			const u = tx.select().from(metrologyUnit).where(eq(metrologyUnit.id, target.unitId)).get();
			if (!u) throw new DomainError('_', '示范单位不存在');
			unitId = u.id;
			townId = u.townId;
		} else if ('merchantId' in target) {
			const m = tx.select().from(merchant).where(eq(merchant.id, target.merchantId)).get();
			if (!m) throw new DomainError('_', '商户不存在');
			if (m.tradingStatus === 'closed') throw new DomainError('_', '该商户已关闭，不能检查评审');
			merchantId = m.id;
			streetId = m.streetId;
			townId = m.townId;
		} else if ('streetId' in target) {
			const s = tx.select().from(street).where(eq(street.id, target.streetId)).get();
			if (!s) throw new DomainError('_', '街区不存在');
			streetId = s.id;
			townId = s.townId;
		} else throw new DomainError('_', '请选择检查对象');
		const open = openDraft(tx, { kind, merchantId, unitId, streetId, creditTownId });
		if (open) return open;
		// a credit town is scored against the version it applied under
		const std =
			'standardId' in target ? standards.byId(target.standardId, tx) : standards.current(kind, tx);
		if (!std) throw new DomainError('_', '尚未发布评价标准，请联系区级管理员');
		const created = tx
			.insert(inspection)
			.values({
				kind,
				merchantId,
				streetId,
				unitId,
				creditTownId,
				townId,
				standardId: std.id,
				inspectedOn: todayISO(now),
				status: 'draft',
				createdBy: actor.id,
				createdAt: now
			})
			.returning()
			.get();
		if (actor.id)
			tx.insert(inspectionInspector).values({ inspectionId: created.id, userId: actor.id }).run();
		audit.record(tx, actor, {
			action: 'inspection.start',
			entityType: 'inspection',
			entityId: created.id,
			townId,
			after: created
		});
		return created;
	});
}

export type SaveInput = {
	inspectedOn?: string;
	summary?: string;
	scores: ScoreInput[];
};

/**
 * Saves a draft's scores; with `submit`, also computes the total and result and applies them.
 * Scores for items not in the inspection's version are ignored; points are clamped to the item.
 */
export function save(actor: Actor, id: number, input: SaveInput, submit = false, now = new Date()) {
	return db.transaction((tx) => {
		const before = tx.select().from(inspection).where(eq(inspection.id, id)).get();
		if (!before) throw new DomainError('_', '检查记录不存在');
		if (before.status !== 'draft')
			throw new DomainError('_', '该检查已提交，不能再修改；如有错误，请用“更正评审”提交新版本');
		if (before.creditTownId && actor.role !== 'district_admin' && actor.role !== 'system')
			throw new DomainError('_', '信用街镇示范创建只能由区级管理员评审打分');
		if (input.inspectedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.inspectedOn))
			throw new DomainError('inspectedOn', '请填写检查日期');
		if (input.inspectedOn && input.inspectedOn > todayISO(now))
			throw new DomainError('inspectedOn', '检查日期不能晚于今天');
		const std = standards.byId(before.standardId, tx)!;
		if (submit) {
			const given = new Map(input.scores.map((s) => [s.itemId, s.points]));
			const blank = std.items.filter((it) => !it.veto && given.get(it.id) == null);
			if (blank.length)
				throw new DomainError(
					'_',
					`还有 ${blank.length} 项未打分（${blank.map((x) => x.code).join('、')}），请打分后再提交；不得分请填 0`
				);
		}
		const existing = new Map(
			tx
				.select()
				.from(inspectionScore)
				.where(eq(inspectionScore.inspectionId, id))
				.all()
				.map((s) => [s.itemId, s])
		);
		const byItem = new Map(input.scores.map((s) => [s.itemId, s]));
		const computed = scoreInspection(
			std.items,
			input.scores.map((s) => ({ itemId: s.itemId, points: s.points ?? 0, vetoHit: s.vetoHit }))
		);
		for (const n of computed.scores) {
			const given = byItem.get(n.itemId);
			const old = existing.get(n.itemId);
			const photoKeys = [...(old?.photoKeys ?? []), ...(given?.photoKeys ?? [])].slice(0, 9);
			const values = {
				inspectionId: id,
				itemId: n.itemId,
				points: n.points,
				vetoHit: n.vetoHit,
				note: given?.note.trim().slice(0, 1000) ?? old?.note ?? '',
				photoKeys
			};
			tx.insert(inspectionScore)
				.values(values)
				.onConflictDoUpdate({
					target: [inspectionScore.inspectionId, inspectionScore.itemId],
					set: { points: values.points, vetoHit: values.vetoHit, note: values.note, photoKeys }
				})
				.run();
		}
		const t = supervision.thresholds(tx);
		const after = tx
			.update(inspection)
			.set({
				inspectedOn: input.inspectedOn || before.inspectedOn,
				summary: input.summary?.trim().slice(0, 2000) ?? before.summary,
				total: computed.total,
				vetoHits: computed.vetoHits,
				result: levelFor(computed.total, computed.vetoHits, t),
				...(submit ? { status: 'submitted' as const, submittedAt: now } : {})
			})
			.where(eq(inspection.id, id))
			.returning()
			.get();
		if (actor.id)
			tx.insert(inspectionInspector)
				.values({ inspectionId: id, userId: actor.id })
				.onConflictDoNothing()
				.run();
		audit.record(tx, actor, {
			action: submit ? 'inspection.submit' : 'inspection.save',
			entityType: 'inspection',
			entityId: id,
			townId: before.townId,
			before,
			after
		});
		const old =
			submit && after.supersedesId
				? tx
						.update(inspection)
						.set({ status: 'superseded' })
						.where(eq(inspection.id, after.supersedesId))
						.returning()
						.get()
				: undefined;
		const applied = !submit
			? null
			: after.unitId
				? unitNaming.applyInspection(tx, actor, after, now)
				: after.creditTownId
					? creditNaming.applyInspection(tx, actor, after, now)
					: old
						? supervision.applyAmendment(tx, actor, old, after, now)
						: supervision.applyInspection(tx, actor, after, now);
		// a merchant's own request for a re-inspection is answered by this one
		if (submit && after.merchantId && !old) reinspections.closeByInspection(tx, actor, after, now);
		return { inspection: after, applied };
	});
}

/**
 * Opens an amendment (更正) of a submitted inspection: a draft of the same subject against the
 * same standard version, with its scores, notes, photos and inspectors copied, and the reason.
 * The submitted version counts until the amendment is submitted; then it is kept, superseded.
 */
export function amend(actor: Actor, id: number, reason: string, now = new Date()): Inspection {
	const why = reason.trim();
	if (why.length < REASON_MIN)
		throw new DomainError('reason', `请写明更正原因，至少 ${REASON_MIN} 个字`);
	if (why.length > REASON_MAX) throw new DomainError('reason', `原因不能超过 ${REASON_MAX} 个字`);
	return db.transaction((tx) => {
		const old = tx.select().from(inspection).where(eq(inspection.id, id)).get();
		if (!old) throw new DomainError('_', '检查记录不存在');
		if (old.status === 'superseded')
			throw new DomainError('_', '这份评审已被更正，请在现行版本上更正');
		if (old.status !== 'submitted') throw new DomainError('_', '只能更正已提交的评审');
		const open = openDraft(tx, old);
		if (open?.supersedesId === old.id) return open;
		if (open)
			throw new DomainError('_', '该对象有一份未提交的检查草稿，请先提交或放弃它，再更正评审');
		const created = tx
			.insert(inspection)
			.values({
				kind: old.kind,
				merchantId: old.merchantId,
				streetId: old.streetId,
				unitId: old.unitId,
				townId: currentTown(old),
				standardId: old.standardId,
				inspectedOn: old.inspectedOn,
				status: 'draft',
				summary: old.summary,
				supersedesId: old.id,
				amendReason: why,
				createdBy: actor.id,
				createdAt: now
			})
			.returning()
			.get();
		const scores = tx
			.select()
			.from(inspectionScore)
			.where(eq(inspectionScore.inspectionId, old.id))
			.all();
		for (const sc of scores)
			tx.insert(inspectionScore)
				.values({ ...sc, inspectionId: created.id })
				.run();
		const people = tx
			.select()
			.from(inspectionInspector)
			.where(eq(inspectionInspector.inspectionId, old.id))
			.all()
			.map((p) => p.userId);
		if (actor.id) people.push(actor.id);
		for (const userId of new Set(people))
			tx.insert(inspectionInspector).values({ inspectionId: created.id, userId }).run();
		audit.record(tx, actor, {
			action: 'inspection.amend',
			entityType: 'inspection',
			entityId: created.id,
			townId: created.townId,
			before: old,
			after: created
		});
		return created;
	});
}

/** The versions of an inspection, oldest first: what it amended and what amended it. */
export function versions(id: number) {
	const chain: Inspection[] = [];
	let cur = byId(id);
	const seen = new Set<number>();
	while (cur && !seen.has(cur.id)) {
		seen.add(cur.id);
		chain.unshift(cur);
		cur = cur.supersedesId ? byId(cur.supersedesId) : undefined;
	}
	let next = db.select().from(inspection).where(eq(inspection.supersedesId, id)).get();
	while (next && !seen.has(next.id)) {
		seen.add(next.id);
		chain.push(next);
		next = db.select().from(inspection).where(eq(inspection.supersedesId, next.id)).get();
	}
	return chain.map((v) => ({
		id: v.id,
		status: v.status,
		total: v.total,
		result: v.result,
		inspectedOn: v.inspectedOn,
		submittedAt: v.submittedAt,
		amendReason: v.amendReason
	}));
}

export function discard(actor: Actor, id: number) {
	db.transaction((tx) => {
		const before = tx.select().from(inspection).where(eq(inspection.id, id)).get();
		if (!before || before.status !== 'draft') throw new DomainError('_', '只能删除未提交的检查');
		if (before.creditTownId && actor.role !== 'district_admin' && actor.role !== 'system')
			throw new DomainError('_', '信用街镇示范创建只能由区级管理员评审打分');
		tx.delete(inspection).where(eq(inspection.id, id)).run();
		audit.record(tx, actor, {
			action: 'inspection.discard',
			entityType: 'inspection',
			entityId: id,
			townId: before.townId,
			before
		});
	});
}

export type ListFilter = {
	merchantId?: number;
	streetId?: number;
	townId?: number;
	/** `street`: inspections of the street itself, not of its merchants. */
	kind?: StandardKind;
	unitId?: number;
	status?: InspectionStatus;
	limit?: number;
	offset?: number;
};

function listWhere(scope: number[] | null, f: ListFilter) {
	return and(
		townIn(inspection.townId, scope),
		f.merchantId ? eq(inspection.merchantId, f.merchantId) : undefined,
		f.streetId ? eq(inspection.streetId, f.streetId) : undefined,
		f.unitId ? eq(inspection.unitId, f.unitId) : undefined,
		f.townId ? eq(inspection.townId, f.townId) : undefined,
		f.kind ? eq(inspection.kind, f.kind) : undefined,
		f.status ? eq(inspection.status, f.status) : undefined
	);
}

/** Inspections, newest first; every filter applies in SQL before the limit. */
export function list(scope: number[] | null, f: ListFilter = {}) {
	return db
		.select({
			id: inspection.id,
			kind: inspection.kind,
			inspectedOn: inspection.inspectedOn,
			status: inspection.status,
			total: inspection.total,
			vetoHits: inspection.vetoHits,
			result: inspection.result,
			merchantId: inspection.merchantId,
			merchantName: merchant.name,
			streetId: inspection.streetId,
			streetName: sql<string>`coalesce(${street.name}, ${metrologyUnit.name}, case when ${inspection.creditTownId} is not null then '信用街镇示范创建' end)`,
			unitId: inspection.unitId,
			townName: town.name,
			standardVersion: standard.version,
			supersedesId: inspection.supersedesId,
			amendReason: inspection.amendReason
		})
		.from(inspection)
		.leftJoin(merchant, eq(merchant.id, inspection.merchantId))
		.leftJoin(street, eq(street.id, inspection.streetId))
		.leftJoin(metrologyUnit, eq(metrologyUnit.id, inspection.unitId))
		.innerJoin(town, eq(town.id, inspection.townId))
		.innerJoin(standard, eq(standard.id, inspection.standardId))
		.where(listWhere(scope, f))
		.orderBy(desc(inspection.inspectedOn), desc(inspection.id))
		.limit(f.limit ?? 200)
		.offset(f.offset ?? 0)
		.all();
}

export function count(scope: number[] | null, f: ListFilter = {}): number {
	return db.select({ n: sqlCount() }).from(inspection).where(listWhere(scope, f)).get()?.n ?? 0;
}

export function streetsForInspection(scope: number[] | null) {
	return db
		.select({ id: street.id, name: street.name, townName: town.name })
		.from(street)
		.innerJoin(town, eq(town.id, street.townId))
		.where(townIn(street.townId, scope))
		.orderBy(asc(town.sortOrder), asc(street.name))
		.all();
}

/**
 * What an inspector's form was filled against: the standard then current for its kind and the
 * merchant as it then was (its name, licence, street, trading status). A form queued on a phone
 * carries it; `assertUnchanged` refuses the submission when either has changed since.
 */
export function stampOf(ins: Inspection): string {
	const std = standards.current(ins.kind);
	const m = ins.merchantId
		? db.select().from(merchant).where(eq(merchant.id, ins.merchantId)).get()
		: undefined;
	const who = m ? [m.name, m.uscc, m.streetId, m.tradingStatus].join('|') : '';
	return `${std?.id ?? 0}:${hash(who)}`;
}

export function assertUnchanged(ins: Inspection, stamp: string) {
	const now = stampOf(ins);
	if (now === stamp) return;
	const [stdThen] = stamp.split(':');
	const std = standards.current(ins.kind);
	if (String(std?.id ?? 0) !== stdThen)
		throw new DomainError(
			'_',
			`评价标准已更新为第 ${std?.version ?? '—'} 版，这份评审是按旧版填写的，未被接受。草稿已保留，请核对后重新提交`
		);
	throw new DomainError(
		'_',
		'商户信息（名称、信用代码、所在街区或经营状态）在您填写期间已变更，这份评审未被接受。草稿已保留，请核对商户档案后重新提交'
	);
}

function hash(s: string) {
	let h = 2166136261;
	for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
	return h.toString(36);
}
