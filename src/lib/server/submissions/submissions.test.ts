import { describe, expect, it } from 'vitest';
import * as submissions from '.';
import { inspections, merchants, standards } from '../streets';
import { makeMerchant, makeStreet, makeUser, merchantInput, scoresFor } from '../testing/factories';
import { SYSTEM } from '../actor';

const key = () => crypto.randomUUID();

describe('submission keys', () => {
	it('runs a write once per key, and answers a repeat with the first record', async () => {
		const u = await makeUser('inspector');
		const k = key();
		let runs = 0;
		const write = () => {
			runs += 1;
			return 42;
		};
		expect(submissions.once(u, 'inspection', k, write)).toEqual({ recordId: 42, repeated: false });
		expect(submissions.once(u, 'inspection', k, write)).toEqual({ recordId: 42, repeated: true });
		expect(runs).toBe(1);
		expect(submissions.done(u, 'inspection', k)).toBe(42);
	});

	it('keeps no key when the write fails, so a corrected retry goes through', async () => {
		const u = await makeUser('inspector');
		const k = key();
		expect(() =>
			submissions.once(u, 'inspection', k, () => {
				throw new Error('refused');
			})
		).toThrow('refused');
		expect(submissions.done(u, 'inspection', k)).toBeUndefined();
		expect(submissions.once(u, 'inspection', k, () => 7).repeated).toBe(false);
	});

	it("refuses another user's key and a malformed one", async () => {
		const a = await makeUser('inspector');
		const b = await makeUser('inspector');
		const k = key();
		submissions.once(a, 'inspection', k, () => 1);
		expect(() => submissions.once(b, 'inspection', k, () => 2)).toThrow('提交编号已被使用');
		const form = new FormData();
		form.set('submissionKey', 'not-a-key');
		expect(() => submissions.keyOf(form)).toThrow('提交编号格式有误');
		expect(submissions.keyOf(new FormData())).toBeNull();
	});

	it('claims a key before a write that stores files first, then settles or releases it', async () => {
		const u = await makeUser('town_officer');
		const k = key();
		expect(submissions.claim(u, 'event', k)).toEqual({ state: 'new' });
		expect(submissions.claim(u, 'event', k)).toEqual({ state: 'pending' });
		submissions.settle(k, 9);
		expect(submissions.claim(u, 'event', k)).toEqual({ state: 'done', recordId: 9 });
		const k2 = key();
		submissions.claim(u, 'event', k2);
		submissions.release(k2);
		expect(submissions.claim(u, 'event', k2)).toEqual({ state: 'new' });
	});
});

describe('what a queued inspection was filled against', () => {
	it('refuses it when the merchant was renamed meanwhile, and not otherwise', () => {
		const street = makeStreet(SYSTEM, 'yueyang');
		const m = makeMerchant(SYSTEM, street.id);
		const draft = inspections.start(SYSTEM, { merchantId: m.id });
		const stamp = inspections.stampOf(draft);
		expect(() => inspections.assertUnchanged(draft, stamp)).not.toThrow();
		const items = standards.byId(draft.standardId)!.items;
		inspections.save(SYSTEM, draft.id, { scores: scoresFor(items, 80) });
		expect(() => inspections.assertUnchanged(draft, stamp)).not.toThrow();
		merchants.update(SYSTEM, m.id, {
			...merchantInput(street.id),
			uscc: m.uscc,
			name: '改名后的商户'
		});
		expect(() => inspections.assertUnchanged(draft, stamp)).toThrow(/商户信息.*草稿已保留/);
	});
});
