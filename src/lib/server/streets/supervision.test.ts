import { describe, expect, it } from 'vitest';
import * as supervision from './supervision';
import * as merchants from './merchants';
import * as audit from '../audit';
import { SYSTEM } from '../actor';
import { makeUser, inspectMerchant, makeMerchant, makeStreet } from '../testing/factories';

function setup(total: number) {
	const s = makeStreet(SYSTEM, 'yueyang');
	const m = makeMerchant(SYSTEM, s.id);
	inspectMerchant(SYSTEM, m.id, total);
	return m.id;
}

describe('dynamic supervision', () => {
	it('grants a model badge at 92 with a serial in sequence, valid one year', () => {
		const a = setup(92);
		const b = setup(80);
		const da = merchants.detail(a)!;
		const db2 = merchants.detail(b)!;
		expect(da.merchant.level).toBe('model');
		expect(da.badge?.level).toBe('model');
		expect(da.badge?.state).toBe('valid');
		expect(da.badge?.serial).toMatch(/^SJ-\d{4}-\d{6}$/);
		expect(db2.badge!.seq).toBe(da.badge!.seq + 1);
		expect(db2.merchant.level).toBe('honest');
		expect(da.badge!.validUntil > da.merchant.lastInspectedOn!).toBe(true);
	});

	it('running score = inspection total + changes since; complaint downgrades, penalty suspends, rectification restores', async () => {
		const officer = await makeUser('town_officer', ['yueyang']);
		const id = setup(92);
		const r1 = supervision.record(officer, id, {
			kind: 'complaint',
			publicNote: '价签不清',
			complainant: '王女士 13900001111',
			note: '热线转办'
		});
		expect(r1.merchant.score).toBe(87);
		expect(r1.badgeChange?.to).toBe('downgraded');
		expect(r1.badge?.stateReason).toContain('87');
		expect(r1.merchant.level).toBe('honest');

		const r2 = supervision.record(officer, id, { kind: 'penalty', publicNote: '行政处罚' });
		expect(r2.merchant.score).toBe(77);
		expect(r2.badgeChange).toBeNull();
		const r3 = supervision.record(officer, id, { kind: 'spot_check_failed', publicNote: '抽查' });
		expect(r3.merchant.score).toBe(72);
		expect(r3.badge?.state).toBe('suspended');
		expect(r3.merchant.level).toBe('none');

		const r4 = supervision.record(officer, id, {
			kind: 'rectification',
			publicNote: '整改',
			points: 20
		});
		expect(r4.merchant.score).toBe(92);
		expect(r4.badge?.state).toBe('valid');
		expect(r4.merchant.level).toBe('model');

		const writes = audit.list({ entityType: 'merchant', q: String(id) }).items;
		expect(writes.length).toBeGreaterThanOrEqual(4);
	});

	it('a veto event revokes at once and rectification cannot undo it', () => {
		const id = setup(98);
		const r = supervision.record(SYSTEM, id, { kind: 'veto', publicNote: '篡改计量器具' });
		expect(r.badge?.state).toBe('revoked');
		expect(r.merchant.level).toBe('none');
		const again = supervision.record(SYSTEM, id, {
			kind: 'rectification',
			publicNote: '整改',
			points: 50
		});
		expect(again.badge?.state).toBe('revoked');
		expect(again.merchant.level).toBe('none');
		expect(supervision.revokedNotices().some((n) => n.merchantId === id)).toBe(true);
	});

	it('configured point amounts apply per kind', async () => {
		const admin = await makeUser('district_admin');
		supervision.setPointAmounts(admin, { ...supervision.DEFAULT_POINTS, complaint: -12 });
		const id = setup(95);
		const r = supervision.record(admin, id, { kind: 'complaint', publicNote: '属实' });
		expect(r.entry.points).toBe(-12);
		expect(r.merchant.score).toBe(83);
		supervision.setPointAmounts(admin, supervision.DEFAULT_POINTS);
		expect(() =>
			supervision.setPointAmounts(admin, { ...supervision.DEFAULT_POINTS, penalty: 5 })
		).toThrow('只能扣分');
	});

	it('configured thresholds decide the level', async () => {
		const admin = await makeUser('district_admin');
		supervision.setThresholds(admin, { model: 95, honest: 80 });
		const id = setup(92);
		expect(merchants.byId(id)!.level).toBe('honest');
		supervision.setThresholds(admin, { model: 90, honest: 75 });
		expect(() => supervision.setThresholds(admin, { model: 70, honest: 80 })).toThrow();
	});

	it('the public archive leaves out complainants and internal notes', () => {
		const id = setup(93);
		supervision.record(SYSTEM, id, {
			kind: 'complaint',
			publicNote: '短斤少两，已责令改正',
			complainant: '李先生 13812345678',
			note: '内部：商户态度差'
		});
		const pub = supervision.archive(id, 'public');
		const staff = supervision.archive(id, 'staff');
		const text = JSON.stringify(pub);
		expect(text).not.toContain('13812345678');
		expect(text).not.toContain('内部');
		expect(text).toContain('短斤少两');
		expect(JSON.stringify(staff)).toContain('13812345678');
		expect(pub.map((e) => e.kind)).toEqual(
			expect.arrayContaining(['inspection', 'badge_granted', 'complaint', 'badge_state'])
		);
	});

	it('a failing re-inspection suspends the badge; a passing one replaces it', () => {
		const id = setup(91);
		const first = merchants.detail(id)!.badge!;
		inspectMerchant(SYSTEM, id, 60);
		expect(merchants.detail(id)!.badge!.id).toBe(first.id);
		expect(merchants.detail(id)!.badge!.state).toBe('suspended');
		inspectMerchant(SYSTEM, id, 85);
		const d = merchants.detail(id)!;
		expect(d.badge!.id).not.toBe(first.id);
		expect(d.badge!.level).toBe('honest');
		expect(merchants.badges(id).find((b) => b.id === first.id)!.state).toBe('expired');
	});

	it('expires badges past their last day and lists them for re-inspection', () => {
		const s = makeStreet(SYSTEM, 'sijing');
		const m = makeMerchant(SYSTEM, s.id);
		const longAgo = new Date(Date.now() - 400 * 86_400_000);
		inspectMerchant(SYSTEM, m.id, 95, { now: longAgo });
		const sijing = merchants.byId(m.id)!.townId;
		expect(supervision.dueList([sijing]).items.some((d) => d.merchantId === m.id)).toBe(true);
		expect(supervision.expireDue()).toBeGreaterThanOrEqual(1);
		const d = merchants.detail(m.id)!;
		expect(d.badge!.state).toBe('expired');
		expect(d.merchant.level).toBe('none');
		expect(supervision.dueList([sijing + 1000]).items.some((x) => x.merchantId === m.id)).toBe(
			false
		);
	});
});
