/**
 * The rating rules of the honesty streets, as pure functions: an inspection's total and veto hits,
 * the level a score earns, and how a badge's state follows the running score. The server applies
 * them; the pages use the labels.
 */

export type Level = 'model' | 'honest' | 'none';
export type BadgeLevel = 'model' | 'honest';
export type BadgeState = 'valid' | 'downgraded' | 'suspended' | 'revoked' | 'expired';

export type Thresholds = { model: number; honest: number };
export const DEFAULT_THRESHOLDS: Thresholds = { model: 90, honest: 75 };

export const LEVEL_LABEL: Record<Level, string> = {
	model: '诚信经营模范商户',
	honest: '诚信经营商户',
	none: '未达标'
};

export const LEVEL_SHORT: Record<Level, string> = {
	model: '模范商户',
	honest: '诚信商户',
	none: '未达标'
};

export const BADGE_STATE_LABEL: Record<BadgeState, string> = {
	valid: '有效',
	downgraded: '已降级',
	suspended: '已暂停',
	revoked: '已撤销',
	expired: '已过期'
};

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
