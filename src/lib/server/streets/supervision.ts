/**
 * Dynamic supervision (动态化监管) and the honesty archive (诚信档案). Every event that moves a
 * merchant's running score — a verified complaint, a penalty, a failed spot check, a rectification,
 * a commendation, a veto event — is an archive entry; the badge follows the score at once. Badges
 * are granted here too, from submitted inspections, and expire here.
 *
 * Other areas apply a point change with `record(actor, merchantId, { kind, … })`, optionally inside
 * their own transaction.
 */
import { and, asc, desc, eq, inArray, lt, lte, max, or, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '../db';
import {
	archiveEntry,
	badge,
	merchant,
	street,
	town,
	type ArchiveEntry,
	type ArchiveKind,
	type Badge,
	type Inspection,
	type Merchant,
	type SupervisionKind
} from '../db/schema';
import * as audit from '../audit';
import * as settings from '../settings';
import { SYSTEM, type Actor } from '../actor';
import {
	BADGE_STATE_LABEL,
	DEFAULT_THRESHOLDS,
	LEVEL_LABEL,
	badgeStateFor,
	checkThresholds,
	effectiveLevel,
	formatSerial,
	levelFor,
	round1,
	stateReason,
	validUntilFor,
	type BadgeState,
	type Thresholds
} from '../../rating';
import { todayISO } from '../../format';

export const ARCHIVE_KIND_LABEL: Record<ArchiveKind, string> = {
	inspection: '检查评审',
	badge_granted: '授牌',
	badge_state: '牌匾状态变更',
	complaint: '投诉属实',
	penalty: '行政处罚',
	spot_check_failed: '抽查不合格',
	rectification: '整改到位',
	commendation: '表彰奖励',
	veto: '一票否决事项',
	instrument_check: '计量器具检定',
	note: '备注'
};

export const SUPERVISION_KIND_LABEL: Record<SupervisionKind, string> = {
	complaint: '投诉属实',
	penalty: '行政处罚',
	spot_check_failed: '抽查不合格',
	rectification: '整改到位',
	commendation: '表彰奖励',
	veto: '一票否决事项'
};

export type PointAmounts = Record<SupervisionKind, number>;
export const DEFAULT_POINTS: PointAmounts = {
	complaint: -5,
	penalty: -10,
	spot_check_failed: -5,
	rectification: 5,
	commendation: 3,
	veto: 0
};

const THRESHOLDS_KEY = 'streets.thresholds';
const POINTS_KEY = 'streets.points';

export class SupervisionError extends Error {}

export function thresholds(tx: Tx | typeof db = db): Thresholds {
	const raw = settings.get(THRESHOLDS_KEY, tx);
	if (!raw) return DEFAULT_THRESHOLDS;
	try {
		return { ...DEFAULT_THRESHOLDS, ...(JSON.parse(raw) as Partial<Thresholds>) };
	} catch {
		return DEFAULT_THRESHOLDS;
	}
}

export function pointAmounts(tx: Tx | typeof db = db): PointAmounts {
	const raw = settings.get(POINTS_KEY, tx);
	if (!raw) return DEFAULT_POINTS;
	try {
		return { ...DEFAULT_POINTS, ...(JSON.parse(raw) as Partial<PointAmounts>) };
	} catch {
		return DEFAULT_POINTS;
	}
}

/** New thresholds apply to every rating and score change from now on. */
export function setThresholds(actor: Actor, t: Thresholds) {
	const problem = checkThresholds(t);
	if (problem) throw new SupervisionError(problem);
	db.transaction((tx) => {
		const before = thresholds(tx);
		settings.set(THRESHOLDS_KEY, JSON.stringify(t), tx);
		audit.record(tx, actor, {
			action: 'rating.thresholds',
			entityType: 'setting',
			entityId: THRESHOLDS_KEY,
			before,
			after: t
		});
	});
}

export function setPointAmounts(actor: Actor, amounts: PointAmounts) {
	for (const [k, v] of Object.entries(amounts)) {
		if (!Number.isFinite(v) || Math.abs(v) > 100)
			throw new SupervisionError(
				`${SUPERVISION_KIND_LABEL[k as SupervisionKind]}的分值应在 -100 到 100 之间`
			);
	}
	if (amounts.complaint > 0 || amounts.penalty > 0 || amounts.spot_check_failed > 0)
		throw new SupervisionError('投诉、处罚、抽查不合格只能扣分（填 0 或负数）');
	if (amounts.rectification < 0 || amounts.commendation < 0)
		throw new SupervisionError('整改和表彰只能加分（填 0 或正数）');
	db.transaction((tx) => {
		const before = pointAmounts(tx);
		settings.set(POINTS_KEY, JSON.stringify(amounts), tx);
		audit.record(tx, actor, {
			action: 'supervision.points',
			entityType: 'setting',
			entityId: POINTS_KEY,
			before,
			after: amounts
		});
	});
}

function run<T>(tx: Tx | undefined, fn: (tx: Tx) => T): T {
	return tx ? fn(tx) : db.transaction(fn);
}

export function currentBadge(merchantId: number, tx: Tx | typeof db = db): Badge | undefined {
	const m = tx
		.select({ id: merchant.currentBadgeId })
		.from(merchant)
		.where(eq(merchant.id, merchantId))
		.get();
	if (!m?.id) return undefined;
	return tx.select().from(badge).where(eq(badge.id, m.id)).get();
}

function setBadgeState(
	tx: Tx,
	actor: Actor,
	m: Merchant,
	b: Badge,
	to: BadgeState,
	reason: string,
	now: Date,
	score: number | null
) {
	const after = tx
		.update(badge)
		.set({ state: to, stateReason: reason, stateChangedAt: now })
		.where(eq(badge.id, b.id))
		.returning()
		.get();
	tx.insert(archiveEntry)
		.values({
			merchantId: m.id,
			townId: m.townId,
			kind: 'badge_state',
			occurredAt: now,
			points: 0,
			scoreAfter: score,
			levelAfter: effectiveLevel(after),
			title: `牌匾 ${b.serial} ${BADGE_STATE_LABEL[b.state]} → ${BADGE_STATE_LABEL[to]}`,
			publicNote: reason,
			badgeId: b.id,
			createdBy: actor.id,
			createdAt: now
		})
		.run();
	audit.record(tx, actor, {
		action: `badge.${to}`,
		entityType: 'badge',
		entityId: b.id,
		townId: m.townId,
		before: b,
		after
	});
	return after;
}

export type RecordInput = {
	kind: SupervisionKind;
	/** Defaults to the configured amount for the kind. */
	points?: number;
	title?: string;
	/** Staff only. */
	note?: string;
	/** Shown on the public archive; defaults to the kind's name. */
	publicNote?: string;
	/** Staff only, never public. */
	complainant?: string;
	sourceType?: string;
	sourceId?: string | number;
	occurredAt?: Date;
};

/**
 * Records a supervision event and applies its point change: the running score moves, the badge
 * is downgraded, suspended, restored or (for a veto event) revoked at once, and the merchant's
 * level follows. Pass `tx` to take part in the caller's transaction.
 */
export function record(actor: Actor, merchantId: number, input: RecordInput, tx?: Tx) {
	return run(tx, (tx) => {
		const m = tx.select().from(merchant).where(eq(merchant.id, merchantId)).get();
		if (!m) throw new SupervisionError('商户不存在');
		const now = input.occurredAt ?? new Date();
		const t = thresholds(tx);
		const points = round1(input.points ?? pointAmounts(tx)[input.kind]);
		const score = m.score == null ? null : round1(m.score + points);
		const veto = input.kind === 'veto';
		let b = m.currentBadgeId
			? tx.select().from(badge).where(eq(badge.id, m.currentBadgeId)).get()
			: undefined;
		const entry = tx
			.insert(archiveEntry)
			.values({
				merchantId: m.id,
				townId: m.townId,
				kind: input.kind,
				occurredAt: now,
				points,
				scoreAfter: score,
				title: input.title?.trim() || SUPERVISION_KIND_LABEL[input.kind],
				publicNote: input.publicNote?.trim() ?? '',
				internalNote: input.note?.trim() ?? '',
				complainant: input.complainant?.trim() ?? '',
				sourceType: input.sourceType ?? null,
				sourceId: input.sourceId == null ? null : String(input.sourceId),
				createdBy: actor.id,
				createdAt: now
			})
			.returning()
			.get();
		let changed: { from: BadgeState; to: BadgeState; reason: string } | null = null;
		if (b) {
			const to = badgeStateFor(b, score, veto, t);
			if (to !== b.state) {
				const reason = veto
					? `${stateReason(b.state, to, score, t)}：${input.publicNote?.trim() || input.title?.trim() || SUPERVISION_KIND_LABEL.veto}`
					: stateReason(b.state, to, score, t);
				changed = { from: b.state, to, reason };
				b = setBadgeState(tx, actor, m, b, to, reason, now, score);
			}
		}
		const level = b ? effectiveLevel(b) : veto ? 'none' : m.level;
		const after = tx
			.update(merchant)
			.set({ score, level, updatedAt: now })
			.where(eq(merchant.id, m.id))
			.returning()
			.get();
		const finalEntry = tx
			.update(archiveEntry)
			.set({ levelAfter: level })
			.where(eq(archiveEntry.id, entry.id))
			.returning()
			.get();
		audit.record(tx, actor, {
			action: `supervision.${input.kind}`,
			entityType: 'merchant',
			entityId: m.id,
			townId: m.townId,
			before: { score: m.score, level: m.level },
			after: { score: after.score, level: after.level, entryId: entry.id, points }
		});
		return { entry: finalEntry, merchant: after, badge: b ?? null, badgeChange: changed };
	});
}

/** Shanghai calendar year of an instant. */
function yearOf(d: Date): number {
	return Number(todayISO(d).slice(0, 4));
}

/**
 * Applies a submitted inspection: the running score restarts at its total; a passing result
 * grants a new badge (valid one year) that replaces the current one; a failing result suspends
 * the current badge, or revokes it on a veto hit.
 */
export function applyInspection(tx: Tx, actor: Actor, ins: Inspection, now = new Date()) {
	if (!ins.merchantId || ins.total == null) return null;
	const m = tx.select().from(merchant).where(eq(merchant.id, ins.merchantId)).get();
	if (!m) throw new SupervisionError('商户不存在');
	const t = thresholds(tx);
	const result = levelFor(ins.total, ins.vetoHits, t);
	let current = m.currentBadgeId
		? tx.select().from(badge).where(eq(badge.id, m.currentBadgeId)).get()
		: undefined;
	tx.insert(archiveEntry)
		.values({
			merchantId: m.id,
			townId: m.townId,
			kind: 'inspection',
			occurredAt: now,
			points: 0,
			scoreAfter: ins.total,
			levelAfter: result,
			title: `检查评审 ${round1(ins.total)} 分${ins.vetoHits ? `，一票否决 ${ins.vetoHits} 项` : ''}，评定为${LEVEL_LABEL[result]}`,
			publicNote: `检查日期 ${ins.inspectedOn}`,
			internalNote: ins.summary,
			inspectionId: ins.id,
			createdBy: actor.id,
			createdAt: now
		})
		.run();
	let granted: Badge | null = null;
	if (result !== 'none') {
		const year = yearOf(now);
		const seq =
			(tx
				.select({ s: max(badge.seq) })
				.from(badge)
				.where(eq(badge.year, year))
				.get()?.s ?? 0) + 1;
		const serial = formatSerial(year, seq);
		if (current && current.state !== 'revoked' && current.state !== 'expired') {
			current = setBadgeState(
				tx,
				actor,
				m,
				current,
				'expired',
				`经 ${ins.inspectedOn} 检查评审换发新牌匾 ${serial}，原牌匾作废`,
				now,
				ins.total
			);
		}
		granted = tx
			.insert(badge)
			.values({
				merchantId: m.id,
				level: result,
				state: 'valid',
				grantedAt: now,
				validUntil: validUntilFor(todayISO(now)),
				serial,
				year,
				seq,
				inspectionId: ins.id,
				stateReason: '',
				stateChangedAt: now
			})
			.returning()
			.get();
		tx.insert(archiveEntry)
			.values({
				merchantId: m.id,
				townId: m.townId,
				kind: 'badge_granted',
				occurredAt: now,
				points: 0,
				scoreAfter: ins.total,
				levelAfter: result,
				title: `授予${LEVEL_LABEL[result]}牌匾 ${serial}`,
				publicNote: `有效期至 ${granted.validUntil}`,
				badgeId: granted.id,
				inspectionId: ins.id,
				createdBy: actor.id,
				createdAt: now
			})
			.run();
		audit.record(tx, actor, {
			action: 'badge.grant',
			entityType: 'badge',
			entityId: granted.id,
			townId: m.townId,
			after: granted
		});
	} else if (current && current.state !== 'revoked' && current.state !== 'expired') {
		const to: BadgeState = ins.vetoHits > 0 ? 'revoked' : 'suspended';
		const reason =
			to === 'revoked'
				? `${ins.inspectedOn} 检查评审发现一票否决事项，撤销（摘牌）`
				: `${ins.inspectedOn} 检查评审得分 ${round1(ins.total)}，未达到诚信商户分数线 ${t.honest}，暂停牌匾`;
		current = setBadgeState(tx, actor, m, current, to, reason, now, ins.total);
	}
	const live = granted ?? current ?? null;
	tx.update(merchant)
		.set({
			score: ins.total,
			level: effectiveLevel(live),
			lastInspectionId: ins.id,
			lastInspectedOn: ins.inspectedOn,
			currentBadgeId: live?.id ?? null,
			updatedAt: now
		})
		.where(eq(merchant.id, m.id))
		.run();
	return { result, badge: granted };
}

/** Marks badges past their last valid day as 已过期; returns how many. */
export function expireDue(actor: Actor = SYSTEM, now = new Date()): number {
	const today = todayISO(now);
	return db.transaction((tx) => {
		const due = tx
			.select({ b: badge, m: merchant })
			.from(badge)
			.innerJoin(merchant, eq(merchant.currentBadgeId, badge.id))
			.where(
				and(inArray(badge.state, ['valid', 'downgraded', 'suspended']), lt(badge.validUntil, today))
			)
			.all();
		for (const { b, m } of due) {
			setBadgeState(
				tx,
				actor,
				m,
				b,
				'expired',
				`有效期至 ${b.validUntil}，已过期，待年度复审`,
				now,
				m.score
			);
			tx.update(merchant).set({ level: 'none', updatedAt: now }).where(eq(merchant.id, m.id)).run();
		}
		return due.length;
	});
}

export type ArchiveView = 'staff' | 'public';

export type TimelineEntry = Pick<
	ArchiveEntry,
	'id' | 'kind' | 'occurredAt' | 'points' | 'scoreAfter' | 'levelAfter' | 'title' | 'publicNote'
> & {
	internalNote?: string;
	complainant?: string;
	sourceType?: string | null;
	sourceId?: string | null;
	inspectionId?: number | null;
	createdBy?: number | null;
};

/** One merchant's timeline, newest first. The public view has no complainants or internal notes. */
export function archive(merchantId: number, view: ArchiveView, limit = 200): TimelineEntry[] {
	const rows = db
		.select()
		.from(archiveEntry)
		.where(
			view === 'public'
				? and(eq(archiveEntry.merchantId, merchantId), eq(archiveEntry.public, true))
				: eq(archiveEntry.merchantId, merchantId)
		)
		.orderBy(desc(archiveEntry.occurredAt), desc(archiveEntry.id))
		.limit(limit)
		.all();
	return rows.map((r) => {
		const base = {
			id: r.id,
			kind: r.kind,
			occurredAt: r.occurredAt,
			points: r.points,
			scoreAfter: r.scoreAfter,
			levelAfter: r.levelAfter,
			title: r.title,
			publicNote: r.publicNote
		};
		if (view === 'public') return base;
		return {
			...base,
			internalNote: r.internalNote,
			complainant: r.complainant,
			sourceType: r.sourceType,
			sourceId: r.sourceId,
			inspectionId: r.inspectionId,
			createdBy: r.createdBy
		};
	});
}

/**
 * Merchants due for re-inspection: the current badge ends within `withinDays` or has ended, or is
 * downgraded or suspended and waiting for review. Oldest deadline first.
 */
export function dueList(scope: number[] | null, withinDays = 60, now = new Date()) {
	const horizon = todayISO(new Date(now.getTime() + withinDays * 86_400_000));
	const conds: SQL[] = [
		or(
			and(
				inArray(badge.state, ['valid', 'downgraded', 'suspended']),
				lte(badge.validUntil, horizon)
			),
			inArray(badge.state, ['downgraded', 'suspended', 'expired'])
		)!
	];
	if (scope) conds.push(inArray(merchant.townId, scope.length ? scope : [-1]));
	return db
		.select({
			merchantId: merchant.id,
			name: merchant.name,
			streetName: street.name,
			townName: town.name,
			score: merchant.score,
			lastInspectedOn: merchant.lastInspectedOn,
			serial: badge.serial,
			level: badge.level,
			state: badge.state,
			validUntil: badge.validUntil,
			stateReason: badge.stateReason
		})
		.from(merchant)
		.innerJoin(badge, eq(badge.id, merchant.currentBadgeId))
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.where(and(...conds))
		.orderBy(asc(badge.validUntil), asc(merchant.id))
		.limit(500)
		.all();
}

/** Public notices of revoked badges (摘牌公示), newest first. */
export function revokedNotices(limit = 50) {
	return db
		.select({
			badgeId: badge.id,
			serial: badge.serial,
			level: badge.level,
			reason: badge.stateReason,
			revokedAt: badge.stateChangedAt,
			merchantId: merchant.id,
			merchantName: merchant.name,
			streetName: street.name,
			townName: town.name
		})
		.from(badge)
		.innerJoin(merchant, eq(merchant.id, badge.merchantId))
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.where(eq(badge.state, 'revoked'))
		.orderBy(desc(badge.stateChangedAt))
		.limit(limit)
		.all();
}

/** 红榜: merchants whose current badge is a valid model badge, a page at a time. */
export function redList(filter: { townId?: number; page?: number; pageSize?: number } = {}) {
	const conds: SQL[] = [eq(merchant.level, 'model'), eq(badge.state, 'valid')];
	if (filter.townId) conds.push(eq(merchant.townId, filter.townId));
	const pageSize = filter.pageSize ?? 60;
	const page = Math.max(1, filter.page ?? 1);
	const where = and(...conds);
	const items = db
		.select({
			merchantId: merchant.id,
			name: merchant.name,
			category: merchant.category,
			address: merchant.address,
			score: merchant.score,
			streetName: street.name,
			townName: town.name,
			serial: badge.serial,
			validUntil: badge.validUntil
		})
		.from(merchant)
		.innerJoin(badge, eq(badge.id, merchant.currentBadgeId))
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.where(where)
		.orderBy(asc(town.sortOrder), asc(street.name), sql`${merchant.score} desc`, asc(merchant.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all();
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(merchant)
			.innerJoin(badge, eq(badge.id, merchant.currentBadgeId))
			.where(where)
			.get()?.n ?? 0;
	return { items, page, pageSize, total };
}
