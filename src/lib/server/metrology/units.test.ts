import { describe, expect, it } from 'vitest';
import * as metrology from '.';
import { instruments } from '../streets';
import { inspectUnit, makeMerchant, makeStreet, makeUnit, makeUser } from '../testing/factories';
import { SYSTEM } from '../actor';

const instrument = (nextDueOn: string) => ({
	type: 'price_scale' as const,
	serial: `S-${Math.random().toString(36).slice(2, 8)}`,
	lastVerifiedOn: '2025-01-10',
	nextDueOn,
	certificateNo: '',
	note: ''
});

describe('metrology demonstration units', () => {
	it('keep instruments in the one register with the one overdue rule', () => {
		const u = makeUnit(SYSTEM);
		const before = instruments.overdueCount('2026-12-01');
		instruments.create(SYSTEM, { unitId: u.id }, instrument('2026-06-30'));
		instruments.create(SYSTEM, { unitId: u.id }, instrument('2027-06-30'));
		const list = instruments.forUnit(u.id, '2026-12-01');
		expect(list.map((i) => i.status).sort()).toEqual(['ok', 'overdue']);
		expect(instruments.overdueCount('2026-12-01')).toBe(before + 1);
		expect(list.every((i) => i.merchantId === null && i.unitId === u.id)).toBe(true);
	});

	it('are named by a passing inspection, reviewed yearly, revoked by a failed review', () => {
		const u = makeUnit(SYSTEM);
		expect(metrology.publicDetail(u.id)).toBeUndefined();
		const low = inspectUnit(SYSTEM, u.id, 50, new Date('2026-03-01T02:00:00Z'));
		expect(low.inspection.kind).toBe('metrology_unit');
		expect(metrology.byId(u.id)!.status).toBe('building');
		inspectUnit(SYSTEM, u.id, 92, new Date('2026-04-01T02:00:00Z'));
		const named = metrology.byId(u.id)!;
		expect(named).toMatchObject({ status: 'named', namedOn: '2026-04-01' });
		expect(metrology.reviewDueOn(named)).toBe('2027-04-01');
		expect(metrology.publicDetail(u.id)?.name).toBe(u.name);
		inspectUnit(SYSTEM, u.id, 40, new Date('2027-03-20T02:00:00Z'));
		expect(metrology.byId(u.id)).toMatchObject({ status: 'revoked', revokedOn: '2027-03-20' });
		expect(metrology.publicDetail(u.id)).toBeUndefined();
	});

	it('log fair-scale checks and count those checked this quarter', () => {
		const u = makeUnit(SYSTEM);
		const a = metrology.addScale(SYSTEM, u.id, { serial: 'GP-1', place: '东门' });
		metrology.addScale(SYSTEM, u.id, { serial: 'GP-2', place: '西门' });
		const before = metrology.figures(2026, '2026-11-20');
		metrology.checkScale(
			SYSTEM,
			u.id,
			{ scaleId: a.id, checkedOn: '2026-11-02', checker: '张检', result: 'pass', note: '' },
			new Date('2026-11-20T02:00:00Z')
		);
		const after = metrology.figures(2026, '2026-11-20');
		expect(after.fairScalesCheckedThisQuarter).toBe(before.fairScalesCheckedThisQuarter + 1);
		expect(after.fairScales).toBe(before.fairScales);
		expect(() =>
			metrology.checkScale(SYSTEM, u.id, {
				scaleId: a.id,
				checkedOn: '2099-01-01',
				checker: '张检',
				result: 'pass',
				note: ''
			})
		).toThrow(/晚于今天/);
	});

	it('take merchants of their own town, and only officers of that town may change them', async () => {
		const u = makeUnit(SYSTEM, 'sheshan');
		const m = makeMerchant(SYSTEM, makeStreet(SYSTEM, 'sheshan').id);
		metrology.attachMerchant(SYSTEM, u.id, m.uscc);
		expect(metrology.detail(u.id)!.merchants.map((x) => x.id)).toEqual([m.id]);
		const far = makeMerchant(SYSTEM, makeStreet(SYSTEM, 'xinbang').id);
		expect(() => metrology.attachMerchant(SYSTEM, u.id, far.uscc)).toThrow(/所在街镇/);
		const other = await makeUser('town_officer', ['yueyang']);
		expect(() => metrology.addScale(other, u.id, { serial: 'X', place: '' })).toThrow(/本街镇/);
	});
});
