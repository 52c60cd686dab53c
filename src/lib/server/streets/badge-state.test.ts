import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	DEFAULT_THRESHOLDS,
	badgeStateFor,
	checkThresholds,
	effectiveLevel,
	formatSerial,
	levelFor,
	rank,
	scoreInspection,
	validUntilFor,
	type BadgeLevel,
	type BadgeState
} from './badge-state';

const thresholds = fc
	.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
	.map(([a, b]) => ({ model: Math.max(a, b), honest: Math.min(a, b) }));
const score = fc.double({ min: -50, max: 150, noNaN: true });

describe('levelFor', () => {
	it('uses the default thresholds of 90 and 75', () => {
		expect(levelFor(90, 0)).toBe('model');
		expect(levelFor(89.5, 0)).toBe('honest');
		expect(levelFor(75, 0)).toBe('honest');
		expect(levelFor(74.5, 0)).toBe('none');
		expect(levelFor(null, 0)).toBe('none');
	});

	it('a veto always gives 未达标', () => {
		fc.assert(
			fc.property(score, fc.integer({ min: 1, max: 5 }), thresholds, (s, v, t) => {
				expect(levelFor(s, v, t)).toBe('none');
			})
		);
	});

	it('the level never rises when points are taken away', () => {
		fc.assert(
			fc.property(score, fc.double({ min: 0, max: 100, noNaN: true }), thresholds, (s, d, t) => {
				expect(rank(levelFor(s - d, 0, t))).toBeLessThanOrEqual(rank(levelFor(s, 0, t)));
			})
		);
	});
});

describe('scoreInspection', () => {
	const items = fc
		.array(fc.record({ maxPoints: fc.integer({ min: 1, max: 20 }), veto: fc.boolean() }), {
			minLength: 1,
			maxLength: 15
		})
		.map((xs) =>
			xs.map((x, i) => ({ id: i + 1, maxPoints: x.veto ? 0 : x.maxPoints, veto: x.veto }))
		);

	it('the total stays within 0 and the sum of the maxima, whatever the form sent', () => {
		fc.assert(
			fc.property(items, fc.array(fc.double({ min: -1e6, max: 1e6 })), (its, raw) => {
				const scores = its.map((it, k) => ({ itemId: it.id, points: raw[k] ?? 0, vetoHit: false }));
				const { total, vetoHits } = scoreInspection(its, scores);
				const max = its.reduce((s, i) => s + (i.veto ? 0 : i.maxPoints), 0);
				expect(total).toBeGreaterThanOrEqual(0);
				expect(total).toBeLessThanOrEqual(max);
				expect(vetoHits).toBe(0);
			})
		);
	});

	it('counts veto hits only on veto items, and a hit means 未达标', () => {
		fc.assert(
			fc.property(items, (its) => {
				const scores = its.map((it) => ({ itemId: it.id, points: it.maxPoints, vetoHit: true }));
				const { total, vetoHits } = scoreInspection(its, scores);
				expect(vetoHits).toBe(its.filter((i) => i.veto).length);
				if (vetoHits) expect(levelFor(total, vetoHits)).toBe('none');
			})
		);
	});

	it('lowering any item never raises the level', () => {
		fc.assert(
			fc.property(
				items,
				fc.nat(),
				fc.double({ min: 0, max: 20, noNaN: true }),
				(its, pick, cut) => {
					const full = its.map((it) => ({ itemId: it.id, points: it.maxPoints, vetoHit: false }));
					const k = pick % its.length;
					const lower = full.map((s, i) => (i === k ? { ...s, points: s.points - cut } : s));
					const a = scoreInspection(its, full);
					const b = scoreInspection(its, lower);
					expect(b.total).toBeLessThanOrEqual(a.total);
					expect(rank(levelFor(b.total, b.vetoHits))).toBeLessThanOrEqual(
						rank(levelFor(a.total, a.vetoHits))
					);
				}
			)
		);
	});
});

describe('badge state', () => {
	const level = fc.constantFrom<BadgeLevel>('model', 'honest');
	const live = fc.constantFrom<BadgeState>('valid', 'downgraded', 'suspended');

	it('a veto revokes any live badge', () => {
		fc.assert(
			fc.property(level, live, score, thresholds, (l, s, sc, t) => {
				expect(badgeStateFor({ level: l, state: s }, sc, true, t)).toBe('revoked');
			})
		);
	});

	it('revoked and expired badges never come back by points', () => {
		fc.assert(
			fc.property(level, fc.constantFrom<BadgeState>('revoked', 'expired'), score, (l, s, sc) => {
				expect(badgeStateFor({ level: l, state: s }, sc, false)).toBe(s);
			})
		);
	});

	it('the shown level never rises when points are taken away', () => {
		fc.assert(
			fc.property(
				level,
				live,
				score,
				fc.double({ min: 0, max: 100, noNaN: true }),
				thresholds,
				(l, s, sc, d, t) => {
					const before = effectiveLevel({
						level: l,
						state: badgeStateFor({ level: l, state: s }, sc, false, t)
					});
					const after = effectiveLevel({
						level: l,
						state: badgeStateFor({ level: l, state: s }, sc - d, false, t)
					});
					expect(rank(after)).toBeLessThanOrEqual(rank(before));
				}
			)
		);
	});

	it('downgrades a model badge, suspends below the honest line, restores when the score returns', () => {
		const b = { level: 'model' as const, state: 'valid' as const };
		expect(badgeStateFor(b, 88, false)).toBe('downgraded');
		expect(badgeStateFor(b, 70, false)).toBe('suspended');
		expect(badgeStateFor({ level: 'model', state: 'suspended' }, 91, false)).toBe('valid');
		expect(badgeStateFor({ level: 'honest', state: 'valid' }, 74, false)).toBe('suspended');
		expect(effectiveLevel({ level: 'model', state: 'downgraded' })).toBe('honest');
		expect(effectiveLevel({ level: 'honest', state: 'suspended' })).toBe('none');
	});
});

describe('helpers', () => {
	it('a badge is valid for one year', () => {
		expect(validUntilFor('2026-03-15')).toBe('2027-03-14');
		expect(validUntilFor('2024-02-29')).toBe('2025-02-28');
		expect(validUntilFor('2026-01-01')).toBe('2026-12-31');
	});
	it('formats serials and checks thresholds', () => {
		expect(formatSerial(2026, 123)).toBe('SJ-2026-000123');
		expect(checkThresholds(DEFAULT_THRESHOLDS)).toBeNull();
		expect(checkThresholds({ model: 70, honest: 80 })).toMatch('不能低于');
	});
});
