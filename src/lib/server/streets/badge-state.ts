/**
 * The badge lifecycle, in one place: an inspection's total and veto hits, the level a score earns
 * (against the district's thresholds), how a badge's state follows the running score (downgrade,
 * suspend, restore, revoke), its validity (one year, then 已过期), and the writes that grant a
 * badge and move its state with an archive entry and an audit entry. Supervision and inspections
 * call these; `badges/` (codes, QR, scans, plaques) asks here what a badge's state is.
 */
import { and, eq, inArray, lt, max } from 'drizzle-orm';
import { db, type Tx } from '../db';
import {
	archiveEntry,
	badge,
	merchant,
	type Badge,
	type Inspection,
	type Merchant
} from '../db/schema';
import * as audit from '../audit';
import * as settings from '../settings';
import { SYSTEM, type Actor } from '../actor';
import { DomainError } from '../forms';
import { todayISO } from '../../format';
import {
	BADGE_STATE_LABEL,
	LEVEL_LABEL,
	type BadgeLevel,
	type BadgeState,
	type Level
} from '../../streets';

export type { BadgeLevel, BadgeState, Level };

export type Thresholds = { model: number; honest: number };
export const DEFAULT_THRESHOLDS: Thresholds = { model: 90, honest: 75 };

const RANK: Record<Level, number> = { none: 0, honest: 1, model: 2 };

export function rank(level: Level): number {
	return RANK[level];
}

/** Thresholds are sane when both are within 0–100 and the model bar is not below the honest one. */
export function checkThresholds(t: Thresholds): string | null {
	if (!Number.isFinite(t.model) || !Number.isFinite(t.honest)) return '分数线必须是数字';
	if (t.honest < 0 || t.model > 100) return '分数线应在 0 到 100 之间';
	if (t.model < t.honest) return '模范商户分数线不能低于诚信商户分数线';
	return null;
}

/** The level a score earns. A veto always gives 未达标, whatever the score. */
export function levelFor(
	score: number | null | undefined,
	vetoHits: number,
	t: Thresholds = DEFAULT_THRESHOLDS
): Level {
	if (vetoHits > 0 || score == null || !Number.isFinite(score)) return 'none';
	if (score >= t.model) return 'model';
	if (score >= t.honest) return 'honest';
	return 'none';
}

export type ScoredItem = { id: number; maxPoints: number; veto: boolean };
export type ItemScore = { itemId: number; points: number; vetoHit: boolean };

/**
 * Total and veto hits of an inspection, computed from the items of the standard version. Points
 * are clamped to 0…max of their item (rounded to a half point); a veto item counts only as a hit.
 */
export function scoreInspection(items: ScoredItem[], scores: ItemScore[]) {
	const byItem = new Map(scores.map((s) => [s.itemId, s]));
	let total = 0;
	let vetoHits = 0;
	const normalised: ItemScore[] = [];
	for (const item of items) {
		const s = byItem.get(item.id);
		if (item.veto) {
			const hit = s?.vetoHit === true;
			if (hit) vetoHits++;
			normalised.push({ itemId: item.id, points: 0, vetoHit: hit });
			continue;
		}
		const points = clampPoints(s?.points ?? 0, item.maxPoints);
		total += points;
		normalised.push({ itemId: item.id, points, vetoHit: false });
	}
	return { total: round1(total), vetoHits, scores: normalised };
}

export function clampPoints(points: number, max: number): number {
	if (!Number.isFinite(points)) return 0;
	const half = Math.round(points * 2) / 2;
	return Math.min(Math.max(half, 0), max);
}

export function round1(n: number): number {
	return Math.round(n * 10) / 10;
}

/**
 * The state a live badge takes for a running score: 有效 while the score still earns the badge's
 * level, 已降级 when it earns only the lower level, 已暂停 when it earns none. A veto revokes.
 * Revoked and expired badges stay as they are; only a new inspection gives a new badge.
 */
export function badgeStateFor(
	badge: { level: BadgeLevel; state: BadgeState },
	score: number | null,
	veto: boolean,
	t: Thresholds = DEFAULT_THRESHOLDS
): BadgeState {
	if (badge.state === 'revoked' || badge.state === 'expired') return badge.state;
	if (veto) return 'revoked';
	const earned = levelFor(score, 0, t);
	if (rank(earned) >= rank(badge.level)) return 'valid';
	if (earned === 'honest') return 'downgraded';
	return 'suspended';
}

/** The level a merchant shows given its current badge (or none). */
export function effectiveLevel(
	badge: { level: BadgeLevel; state: BadgeState } | null | undefined
): Level {
	if (!badge) return 'none';
	if (badge.state === 'valid') return badge.level;
	if (badge.state === 'downgraded') return 'honest';
	return 'none';
}

/** The last day a badge granted on `grantedOn` (YYYY-MM-DD) is valid: one year, less a day. */
export function validUntilFor(grantedOn: string): string {
	const [y, m, d] = grantedOn.split('-').map(Number);
	const next = new Date(Date.UTC(y + 1, m - 1, d));
	// 29 Feb → 28 Feb of the next year rather than 1 March.
	if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
	else next.setUTCDate(next.getUTCDate() - 1);
	return next.toISOString().slice(0, 10);
}

export function formatSerial(year: number, seq: number): string {
	return `SJ-${year}-${String(seq).padStart(6, '0')}`;
}

/** Why a badge changed state, in words for the archive. */
export function stateReason(
	from: BadgeState,
	to: BadgeState,
	score: number | null,
	t: Thresholds = DEFAULT_THRESHOLDS
): string {
	const s = score == null ? '—' : String(round1(score));
	if (to === 'revoked') return '发生一票否决事项，撤销（摘牌）';
	if (to === 'downgraded') return `动态分 ${s} 低于模范商户分数线 ${t.model}，降为诚信经营商户`;
	if (to === 'suspended') return `动态分 ${s} 低于诚信商户分数线 ${t.honest}，暂停牌匾`;
	if (to === 'valid' && from !== 'valid') return `整改后动态分回升至 ${s}，恢复有效`;
	return '';
}

/** A badge that can still change state: not revoked, not expired. */
export function isLive(b: Pick<Badge, 'state'>): boolean {
	return b.state !== 'revoked' && b.state !== 'expired';
}

/** A badge's state as of today: a live badge past its last day reads 已过期 even before the nightly run. */
export function stateToday(b: Pick<Badge, 'state' | 'validUntil'>, today = todayISO()): BadgeState {
	if (isLive(b) && b.validUntil < today) return 'expired';
	return b.state;
}

/** Why a badge may not be reprinted, or null when it may. */
export function reprintRefusal(b: Pick<Badge, 'state'>): string | null {
	return isLive(b) ? null : '已撤销或已过期的牌匾不能补发，请先重新检查评审';
}

/** Why a badge may not be revoked by hand, or null when it may. */
export function revokeRefusal(b: Pick<Badge, 'state'> | null | undefined): string | null {
	return !b || b.state === 'revoked' ? '该商户没有可撤销的牌匾' : null;
}

const THRESHOLDS_KEY = 'streets.thresholds';

/** The district's score thresholds for the two levels. */
export function thresholds(tx: Tx | typeof db = db): Thresholds {
	const raw = settings.get(THRESHOLDS_KEY, tx);
	if (!raw) return DEFAULT_THRESHOLDS;
	try {
		return { ...DEFAULT_THRESHOLDS, ...(JSON.parse(raw) as Partial<Thresholds>) };
	} catch {
		return DEFAULT_THRESHOLDS;
	}
}

/** New thresholds apply to every rating and score change from now on. */
export function setThresholds(actor: Actor, t: Thresholds) {
	const problem = checkThresholds(t);
	if (problem) throw new DomainError('_', problem);
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

export function currentBadge(merchantId: number, tx: Tx | typeof db = db): Badge | undefined {
	const m = tx
		.select({ id: merchant.currentBadgeId })
		.from(merchant)
		.where(eq(merchant.id, merchantId))
		.get();
	if (!m?.id) return undefined;
	return tx.select().from(badge).where(eq(badge.id, m.id)).get();
}

/** Moves a badge to `to`, with its archive entry and audit entry. */
export function setState(
	tx: Tx,
	actor: Actor,
	m: Merchant,
	b: Badge,
	to: BadgeState,
	reason: string,
	now: Date,
	score: number | null
): Badge {
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

export type StateChange = { from: BadgeState; to: BadgeState; reason: string };

/**
 * The badge follows a new running score at once: downgraded, suspended, restored or, for a veto
 * event, revoked (`vetoWhat` says what the veto was, for the reason).
 */
export function follow(
	tx: Tx,
	actor: Actor,
	m: Merchant,
	b: Badge,
	score: number | null,
	veto: { what: string } | null,
	now: Date
): { badge: Badge; change: StateChange | null } {
	const t = thresholds(tx);
	const to = badgeStateFor(b, score, veto != null, t);
	if (to === b.state) return { badge: b, change: null };
	const base = stateReason(b.state, to, score, t);
	const reason = veto ? `${base}：${veto.what}` : base;
	const after = setState(tx, actor, m, b, to, reason, now, score);
	return { badge: after, change: { from: b.state, to, reason } };
}

/** Shanghai calendar year of an instant. */
function yearOf(d: Date): number {
	return Number(todayISO(d).slice(0, 4));
}

/**
 * A submitted inspection's effect on the badge: a passing result grants a new badge (valid one
 * year) that replaces the current one; a failing result suspends the current badge, or revokes
 * it on a veto hit. Returns the badge the merchant now shows (or none) and the one granted.
 */
export function afterInspection(
	tx: Tx,
	actor: Actor,
	m: Merchant,
	ins: Inspection & { total: number },
	result: Level,
	now: Date
): { live: Badge | null; granted: Badge | null } {
	let current = m.currentBadgeId
		? tx.select().from(badge).where(eq(badge.id, m.currentBadgeId)).get()
		: undefined;
	if (result === 'none') {
		if (current && isLive(current)) {
			const to: BadgeState = ins.vetoHits > 0 ? 'revoked' : 'suspended';
			const reason =
				to === 'revoked'
					? `${ins.inspectedOn} 检查评审发现一票否决事项，撤销（摘牌）`
					: `${ins.inspectedOn} 检查评审得分 ${round1(ins.total)}，未达到诚信商户分数线 ${thresholds(tx).honest}，暂停牌匾`;
			current = setState(tx, actor, m, current, to, reason, now, ins.total);
		}
		return { live: current ?? null, granted: null };
	}
	const year = yearOf(now);
	const seq =
		(tx
			.select({ s: max(badge.seq) })
			.from(badge)
			.where(eq(badge.year, year))
			.get()?.s ?? 0) + 1;
	const serial = formatSerial(year, seq);
	if (current && isLive(current))
		setState(
			tx,
			actor,
			m,
			current,
			'expired',
			`经 ${ins.inspectedOn} 检查评审换发新牌匾 ${serial}，原牌匾作废`,
			now,
			ins.total
		);
	const granted = tx
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
	return { live: granted, granted };
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
			setState(
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
