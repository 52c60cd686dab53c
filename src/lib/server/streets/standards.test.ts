import { describe, expect, it } from 'vitest';
import * as standards from './standards';
import * as inspections from './inspections';
import { SYSTEM } from '../actor';
import { makeUser, inspectMerchant, makeMerchant, makeStreet } from '../testing/factories';

describe('standards', () => {
	it('seeds the 100-point merchant standard with its veto items and a street standard', () => {
		const m = standards.current('merchant')!;
		expect(m.version).toBe(1);
		expect(standards.totalPoints(m.items)).toBe(100);
		expect(new Set(m.items.map((i) => i.groupName))).toEqual(
			new Set(['主体资格', '经营行为', '自律制度', '消费维权', '一票否决'])
		);
		expect(m.items.filter((i) => i.veto)).toHaveLength(3);
		expect(m.items.filter((i) => i.metrology)).toHaveLength(1);
		const s = standards.current('street')!;
		expect(standards.totalPoints(s.items)).toBe(100);
		standards.seed();
		expect(standards.list().filter((x) => x.kind === 'merchant')).toHaveLength(1);
	});

	it('a new version never changes inspections already scored', async () => {
		const admin = await makeUser('district_admin');
		const street = makeStreet(SYSTEM, 'yueyang');
		const merchant = makeMerchant(SYSTEM, street.id);
		const before = inspectMerchant(SYSTEM, merchant.id, 88).inspection;
		const v1 = standards.current('merchant')!;

		const draft = standards.createDraft(admin, 'merchant');
		expect(draft.version).toBe(v1.version + 1);
		const items = draft.items.map((i) => ({ ...i }));
		items[0] = { ...items[0], maxPoints: 5 };
		items[1] = { ...items[1], maxPoints: 10, text: '经营场所与登记一致，门头规范' };
		expect(() =>
			standards.updateDraft(admin, draft.id, {
				name: draft.name,
				note: '',
				items: [
					...items,
					{ code: 'X9', groupName: '其他', text: '多余', maxPoints: 5, veto: false }
				]
			})
		).toThrow('应为 100 分');
		standards.updateDraft(admin, draft.id, { name: draft.name, note: '2026 年修订', items });
		standards.publish(admin, draft.id);

		expect(standards.current('merchant')!.id).toBe(draft.id);
		expect(standards.byId(v1.id)!.status).toBe('retired');
		expect(() => standards.updateDraft(admin, v1.id, { name: 'x', note: '', items })).toThrow(
			'已发布'
		);

		const kept = inspections.detail(before.id)!;
		expect(kept.standard.id).toBe(v1.id);
		expect(kept.inspection.total).toBe(88);
		expect(kept.standard.items.find((i) => i.code === 'A1')!.maxPoints).toBe(10);

		const after = inspectMerchant(SYSTEM, merchant.id, 88).inspection;
		expect(after.standardId).toBe(draft.id);
	});

	it('scores are computed on the server and clamped to the item', () => {
		const street = makeStreet(SYSTEM, 'yueyang');
		const m = makeMerchant(SYSTEM, street.id);
		const draft = inspections.start(SYSTEM, { merchantId: m.id });
		const std = standards.byId(draft.standardId)!;
		const scores = std.items.map((i) => ({
			itemId: i.id,
			points: 1000,
			vetoHit: false,
			note: ''
		}));
		const r = inspections.save(SYSTEM, draft.id, { scores }, true);
		expect(r.inspection.total).toBe(100);
		expect(r.inspection.result).toBe('model');
		expect(() => inspections.save(SYSTEM, draft.id, { scores }, true)).toThrow('已提交');
	});

	it('a veto hit gives 未达标 whatever the points', () => {
		const street = makeStreet(SYSTEM, 'yueyang');
		const m = makeMerchant(SYSTEM, street.id);
		const r = inspectMerchant(SYSTEM, m.id, 100, { vetoCodes: ['V2'] });
		expect(r.inspection.total).toBe(100);
		expect(r.inspection.vetoHits).toBe(1);
		expect(r.inspection.result).toBe('none');
		expect(r.applied?.badge).toBeNull();
	});
});
