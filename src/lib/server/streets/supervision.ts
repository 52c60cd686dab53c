/**
 * Dynamic supervision (动态化监管) and the honesty archive (诚信档案). Every event that moves a
 * merchant's running score — a verified complaint, a penalty, a failed spot check, a rectification,
 * a commendation, a veto event — is an archive entry; the badge follows the score at once. Badges
 * are granted here too, from submitted inspections, and expire here.
 *
 * Other areas apply a point change with `record(actor, merchantId, { kind, … })`, optionally inside
 * their own transaction.
 */
import { and, asc, count, desc, eq, inArray, lte, or } from 'drizzle-orm';
import { db, type Tx } from '../db';
import {
	archiveEntry,
	badge,
	inspection,
	merchant,
	street,
	town,
	type ArchiveEntry,
	type Badge,
	type Inspection,
	type SupervisionKind
} from '../db/schema';
import * as audit from '../audit';
import * as settings from '../settings';
import { townIn } from '../access';
import type { Actor } from '../actor';
import { DomainError } from '../forms';
import * as badgeState from './badge-state';
import { effectiveLevel, levelFor, round1 } from './badge-state';
import { todayISO } from '../../format';
import { ARCHIVE_KIND_LABEL, LEVEL_LABEL, SUPERVISION_KIND_LABEL } from '../../streets';

export { ARCHIVE_KIND_LABEL, SUPERVISION_KIND_LABEL };
// The badge's own rules live in badge-state; these stay reachable as `supervision.*` for callers.
export { expireDue, setThresholds, thresholds } from './badge-state';

export type PointAmounts = Record<SupervisionKind, number>;
export const DEFAULT_POINTS: PointAmounts = {
	complaint: -5,
	penalty: -10,
	spot_check_failed: -5,
	rectification: 5,
	commendation: 3,
	veto: 0
};

const POINTS_KEY = 'streets.points';

export function pointAmounts(tx: Tx | typeof db = db): PointAmounts {
	const raw = settings.get(POINTS_KEY, tx);
	if (!raw) return DEFAULT_POINTS;
	try {
		return { ...DEFAULT_POINTS, ...(JSON.parse(raw) as Partial<PointAmounts>) };
	} catch {
		return DEFAULT_POINTS;
	}
}

export function setPointAmounts(actor: Actor, amounts: PointAmounts) {
	for (const [k, v] of Object.entries(amounts)) {
		if (!Number.isFinite(v) || Math.abs(v) > 100)
			throw new DomainError(
				k,
				`${SUPERVISION_KIND_LABEL[k as SupervisionKind]}的分值应在 -100 到 100 之间`
			);
	}
	if (amounts.complaint > 0 || amounts.penalty > 0 || amounts.spot_check_failed > 0)
		throw new DomainError('_', '投诉、处罚、抽查不合格只能扣分（填 0 或负数）');
	if (amounts.rectification < 0 || amounts.commendation < 0)
		throw new DomainError('_', '整改和表彰只能加分（填 0 或正数）');
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

export type RecordInput = {
	/** `reversal` gives back the points of an entry an upheld appeal overturned. */
	kind: SupervisionKind | 'reversal';
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
 * follows it at once (see `badgeState.follow`), and the merchant's level follows the badge. Pass
 * `tx` to take part in the caller's transaction.
 */
export function record(actor: Actor, merchantId: number, input: RecordInput, tx?: Tx) {
	return run(tx, (tx) => {
		const m = tx.select().from(merchant).where(eq(merchant.id, merchantId)).get();
		if (!m) throw new DomainError('_', '商户不存在');
		const now = input.occurredAt ?? new Date();
		const points = round1(
			input.points ?? (input.kind === 'reversal' ? 0 : pointAmounts(tx)[input.kind])
		);
		const score = m.score == null ? null : round1(m.score + points);
		const veto = input.kind === 'veto';
		const entry = tx
			.insert(archiveEntry)
			.values({
				merchantId: m.id,
				townId: m.townId,
				kind: input.kind,
				occurredAt: now,
				points,
				scoreAfter: score,
				title: input.title?.trim() || ARCHIVE_KIND_LABEL[input.kind],
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
		const current = badgeState.currentBadge(m.id, tx);
		const what = input.publicNote?.trim() || input.title?.trim() || SUPERVISION_KIND_LABEL.veto;
		const followed = current
			? badgeState.follow(tx, actor, m, current, score, veto ? { what } : null, now)
			: null;
		const b = followed?.badge;
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
		return {
			entry: finalEntry,
			merchant: after,
			badge: b ?? null,
			badgeChange: followed?.change ?? null
		};
	});
}

/**
 * Applies a submitted inspection: the running score restarts at its total, the inspection goes
 * into the archive, and the badge is granted, replaced, suspended or revoked (see
 * `badgeState.afterInspection`).
 */
export function applyInspection(tx: Tx, actor: Actor, ins: Inspection, now = new Date()) {
	if (!ins.merchantId || ins.total == null) return null;
	const total = ins.total;
	const m = tx.select().from(merchant).where(eq(merchant.id, ins.merchantId)).get();
	if (!m) throw new DomainError('_', '商户不存在');
	const result = levelFor(total, ins.vetoHits, badgeState.thresholds(tx));
	tx.insert(archiveEntry)
		.values({
			merchantId: m.id,
			townId: m.townId,
			kind: 'inspection',
			occurredAt: now,
			points: 0,
			scoreAfter: total,
			levelAfter: result,
			title: `检查评审 ${round1(total)} 分${ins.vetoHits ? `，一票否决 ${ins.vetoHits} 项` : ''}，评定为${LEVEL_LABEL[result]}`,
			publicNote: `检查日期 ${ins.inspectedOn}`,
			internalNote: ins.summary,
			inspectionId: ins.id,
			createdBy: actor.id,
			createdAt: now
		})
		.run();
	const { live, granted } = badgeState.afterInspection(
		tx,
		actor,
		m,
		{ ...ins, total },
		result,
		now
	);
	rated(tx, m.id, ins, total, live, now);
	return { result, badge: granted };
}

/** The merchant rated by an inspection: its score, the level its badge shows, the badge. */
function rated(
	tx: Tx,
	merchantId: number,
	ins: Inspection,
	score: number | null,
	live: Badge | null,
	now: Date
) {
	const level = effectiveLevel(live);
	tx.update(merchant)
		.set({
			score,
			level,
			lastInspectionId: ins.id,
			lastInspectedOn: ins.inspectedOn,
			currentBadgeId: live?.id ?? null,
			updatedAt: now
		})
		.where(eq(merchant.id, merchantId))
		.run();
	return level;
}

/**
 * Applies an amended inspection (更正) that replaces `old`. The archive gets a correction entry
 * with the reason; the old entry stays. When `old` was the merchant's latest inspection, the same
 * engine re-rates it: the running score moves by the change of total (keeping the point changes
 * since), a badge from the old version is kept when the level is the same and follows the score,
 * and otherwise the amended result grants, replaces, suspends or revokes as a new inspection does.
 */
export function applyAmendment(
	tx: Tx,
	actor: Actor,
	old: Inspection,
	ins: Inspection,
	now = new Date()
) {
	if (!ins.merchantId || ins.total == null) return null;
	const total = ins.total;
	const m = tx.select().from(merchant).where(eq(merchant.id, ins.merchantId)).get();
	if (!m) throw new DomainError('_', '商户不存在');
	const t = badgeState.thresholds(tx);
	const result = levelFor(total, ins.vetoHits, t);
	const latest = m.lastInspectionId === old.id;
	const score = !latest
		? m.score
		: m.score == null
			? total
			: round1(m.score + total - (old.total ?? 0));
	const entry = tx
		.insert(archiveEntry)
		.values({
			merchantId: m.id,
			townId: m.townId,
			kind: 'correction',
			occurredAt: now,
			points: 0,
			scoreAfter: score,
			levelAfter: m.level,
			title: `更正 ${old.inspectedOn} 的检查评审：${round1(old.total ?? 0)} 分 → ${round1(total)} 分${ins.vetoHits ? `，一票否决 ${ins.vetoHits} 项` : ''}，评定为${LEVEL_LABEL[result]}`,
			publicNote: `更正原因：${ins.amendReason}`,
			internalNote: ins.summary,
			sourceType: 'inspection',
			sourceId: String(old.id),
			inspectionId: ins.id,
			createdBy: actor.id,
			createdAt: now
		})
		.returning()
		.get();
	if (!latest) return { result, badge: null };
	const current = badgeState.currentBadge(m.id, tx);
	let live: typeof current | null = current ?? null;
	let granted = null;
	if (
		current &&
		current.inspectionId === old.id &&
		badgeState.isLive(current) &&
		current.level === result
	) {
		tx.update(badge).set({ inspectionId: ins.id }).where(eq(badge.id, current.id)).run();
		live = badgeState.follow(
			tx,
			actor,
			m,
			{ ...current, inspectionId: ins.id },
			score,
			null,
			now
		).badge;
	} else {
		const r = badgeState.afterInspection(tx, actor, m, { ...ins, total }, result, now);
		granted = r.granted;
		live = r.live;
		if (live && score !== total)
			live = badgeState.follow(tx, actor, m, live, score, null, now).badge;
	}
	const level = rated(tx, m.id, ins, score, live ?? null, now);
	tx.update(archiveEntry).set({ levelAfter: level }).where(eq(archiveEntry.id, entry.id)).run();
	return { result, badge: granted };
}

export type ArchiveView = 'staff' | 'public';

/** An inspection entry whose inspection was amended: the reason and the version that replaced it. */
export type Correction = { reason: string; inspectionId: number };

export type TimelineEntry = Pick<
	ArchiveEntry,
	'id' | 'kind' | 'occurredAt' | 'points' | 'scoreAfter' | 'levelAfter' | 'title' | 'publicNote'
> & {
	corrected?: Correction;
	/** For a correction: the version it replaced. */
	previousInspectionId?: number | null;
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
	const corrections = correctionsOf(rows);
	return rows.map((r) => {
		const base = {
			id: r.id,
			kind: r.kind,
			occurredAt: r.occurredAt,
			points: r.points,
			scoreAfter: r.scoreAfter,
			levelAfter: r.levelAfter,
			title: r.title,
			publicNote: r.publicNote,
			corrected: corrections.get(r.id),
			previousInspectionId: r.kind === 'correction' ? Number(r.sourceId) : null
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
 * Which of these entries record an inspection later amended, with the amendment's reason and id:
 * the archive keeps the original and marks it 已更正.
 */
export function correctionsOf(
	rows: Pick<ArchiveEntry, 'id' | 'kind' | 'inspectionId'>[]
): Map<number, Correction> {
	const ids = [
		...new Set(
			rows.filter((r) => r.kind !== 'correction' && r.inspectionId).map((r) => r.inspectionId!)
		)
	];
	if (!ids.length) return new Map();
	// a draft amendment has not replaced anything yet
	const next = new Map(
		db
			.select({ id: inspection.id, old: inspection.supersedesId, reason: inspection.amendReason })
			.from(inspection)
			.where(
				and(
					inArray(inspection.supersedesId, ids),
					inArray(inspection.status, ['submitted', 'superseded'])
				)
			)
			.all()
			.map((x) => [x.old!, { reason: x.reason, inspectionId: x.id }])
	);
	const out = new Map<number, Correction>();
	for (const r of rows) {
		const c = r.kind === 'inspection' && r.inspectionId ? next.get(r.inspectionId) : undefined;
		if (c) out.set(r.id, c);
	}
	return out;
}

export type DueFilter = { townId?: number; streetId?: number; limit?: number; offset?: number };

/**
 * Merchants due for re-inspection: the current badge ends within `withinDays` or has ended, or is
 * downgraded or suspended and waiting for review. Oldest deadline first, a page at a time.
 */
export function dueList(
	scope: number[] | null,
	f: DueFilter = {},
	withinDays = 60,
	now = new Date()
) {
	const horizon = todayISO(new Date(now.getTime() + withinDays * 86_400_000));
	const where = and(
		or(
			and(
				inArray(badge.state, ['valid', 'downgraded', 'suspended']),
				lte(badge.validUntil, horizon)
			),
			inArray(badge.state, ['downgraded', 'suspended', 'expired'])
		),
		townIn(merchant.townId, scope),
		f.townId ? eq(merchant.townId, f.townId) : undefined,
		f.streetId ? eq(merchant.streetId, f.streetId) : undefined
	);
	const items = db
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
		.where(where)
		.orderBy(asc(badge.validUntil), asc(merchant.id))
		.limit(f.limit ?? 500)
		.offset(f.offset ?? 0)
		.all();
	const total =
		db
			.select({ n: count() })
			.from(merchant)
			.innerJoin(badge, eq(badge.id, merchant.currentBadgeId))
			.where(where)
			.get()?.n ?? 0;
	return { items, total };
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
