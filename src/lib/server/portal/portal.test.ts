import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { archiveEntry, auditLog } from '../db/schema';
import * as feedback from '../feedback';
import * as streets from '../streets';
import { merchants } from '../streets';
import * as due from '../due';
import { appeals, commitments, home, reinspections, replies } from '.';
import {
	feedbackInput,
	inspectMerchant,
	makeBadgedMerchant,
	makeMerchantAccount,
	makeUser,
	streetInput
} from '../testing/factories';
import { DomainError } from '../forms';
import { formatReceiptNo } from '../../portal';

beforeEach(() => {
	feedback.clientLimiter.reset();
	feedback.merchantLimiter.reset();
});

let clients = 0;
const complain = (merchantId: number, now = new Date()) =>
	feedback.submit(`portal-${++clients}`, feedbackInput(merchantId), now)!;

describe('merchant accounts', () => {
	it('speak for their own shops only, and have no town', async () => {
		const officer = await makeUser('town_officer', ['yongfeng']);
		const a = await makeBadgedMerchant(officer, 'yongfeng');
		const b = await makeBadgedMerchant(officer, 'yongfeng');
		const acc = await makeMerchantAccount([a.merchant.id]);
		expect(acc.townIds).toEqual([]);
		expect(home.shops([a.merchant.id]).map((s) => s.id)).toEqual([a.merchant.id]);
		expect(() => reinspections.request(acc, b.merchant.id, '已经整改完毕，请来复查')).toThrow(
			DomainError
		);
		expect(() => commitments.sign(officer, a.merchant.id, '王店长')).toThrow(/商户本人/);
	});

	it('need at least one shop', async () => {
		await expect(makeMerchantAccount([])).rejects.toThrow(/至少要关联一家商户/);
	});

	it('see feedback about them without the consumer’s phone', async () => {
		const officer = await makeUser('town_officer', ['yongfeng']);
		const { merchant } = await makeBadgedMerchant(officer, 'yongfeng');
		complain(merchant.id);
		const seen = home.feedbackAbout(merchant.id);
		expect(seen.length).toBe(1);
		expect(JSON.stringify(seen)).not.toContain('13812341234');
		expect(seen[0]).not.toHaveProperty('phone');
	});
});

describe('replies', () => {
	it('are public only after an officer approves them; a refusal needs a reason', async () => {
		const officer = await makeUser('town_officer', ['yongfeng']);
		const other = await makeUser('town_officer', ['sijing']);
		const { merchant } = await makeBadgedMerchant(officer, 'yongfeng');
		const acc = await makeMerchantAccount([merchant.id]);
		const f = complain(merchant.id);
		const r = replies.submit(acc, {
			merchantId: merchant.id,
			targetType: 'feedback',
			targetId: f.id,
			body: '已向顾客道歉并补足分量'
		});
		expect(feedback.publicReplies(merchant.id)).toEqual([]);
		expect(replies.waitingCount(officer)).toBeGreaterThanOrEqual(1);
		expect(replies.waitingCount(other)).toBe(0);
		expect(() => replies.moderate(other, r.id, { approve: true, reason: '' })).toThrow(/不存在/);
		expect(() => replies.moderate(officer, r.id, { approve: false, reason: '' })).toThrow(/原因/);
		replies.moderate(officer, r.id, { approve: true, reason: '' });
		expect(feedback.publicReplies(merchant.id).map((x) => x.reply)).toEqual([
			'已向顾客道歉并补足分量'
		]);
		const steps = db
			.select()
			.from(archiveEntry)
			.where(and(eq(archiveEntry.merchantId, merchant.id), eq(archiveEntry.kind, 'reply')))
			.all();
		expect(steps.map((s) => s.public)).toEqual([false, true]);
	});
});

/** A badged shop of 小昆山镇 whose merchant has asked for a re-inspection. */
async function requested() {
	const inspector = await makeUser('inspector', ['xiaokunshan']);
	const officer = await makeUser('town_officer', ['xiaokunshan']);
	const { merchant } = await makeBadgedMerchant(officer, 'xiaokunshan');
	const acc = await makeMerchantAccount([merchant.id]);
	const before = reinspections.openCount(inspector);
	const r = reinspections.request(acc, merchant.id, '价签已全部更换，请来复查');
	return { inspector, merchant, acc, before, r };
}

describe('re-inspection requests', () => {
	it('land in the due list of the town’s inspectors, one open at a time', async () => {
		const { inspector, merchant, acc, before, r } = await requested();
		expect(() => reinspections.request(acc, merchant.id, '再次申请复查一下')).toThrow(/已有/);
		expect(reinspections.openCount(inspector)).toBe(before + 1);
		expect(due.forUser(inspector).find((i) => i.label.includes('复查'))?.count).toBe(before + 1);
		reinspections.close(inspector, r.id, '已安排 12 月 5 日复查');
		expect(reinspections.openCount(inspector)).toBe(before);
	});
});

describe('a submitted inspection', () => {
	it('closes the merchant’s open re-inspection request and takes it off the due list', async () => {
		const { inspector, merchant, before, r } = await requested();
		expect(reinspections.openCount(inspector)).toBe(before + 1);
		const { inspection } = inspectMerchant(inspector, merchant.id, 93);
		expect(reinspections.openCount(inspector)).toBe(before);
		const closed = reinspections.ofMerchant(merchant.id).find((x) => x.id === r.id)!;
		expect(closed).toMatchObject({ status: 'done', inspectionId: inspection.id });
		expect(closed.closeNote).toContain('复查');
		expect(
			db
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.action, 'reinspection.close'), eq(auditLog.entityId, String(r.id))))
				.all().length
		).toBe(1);
	});
});

describe('appeals', () => {
	it('are ruled by another district admin; upheld gives the points back and the badge follows', async () => {
		const officer = await makeUser('town_officer', ['maogang']);
		const admin = await makeUser('district_admin');
		const { merchant } = await makeBadgedMerchant(officer, 'maogang', 91);
		const acc = await makeMerchantAccount([merchant.id]);
		const f = complain(merchant.id);
		feedback.decide(admin, f.id, { status: 'verified', note: '复称属实' });
		const after = merchants.detail(merchant.id)!;
		expect(after.merchant.score).toBe(81);
		expect(after.badge?.state).toBe('downgraded');
		const [entry] = appeals.appealable(merchant.id);
		expect(entry.points).toBe(-10);
		const a = appeals.file(acc, {
			merchantId: merchant.id,
			archiveEntryId: entry.id,
			statement: '当日电子秤经计量所检定合格，顾客称重有误',
			evidenceKeys: []
		});
		expect(appeals.appealable(merchant.id)).toEqual([]);
		expect(() => appeals.decide(admin, a.id, { decision: 'upheld', note: '证据充分' })).toThrow(
			/本人认定/
		);
		expect(() => appeals.decide(officer, a.id, { decision: 'upheld', note: '证据充分' })).toThrow(
			/区级管理员/
		);
		const second = await makeUser('district_admin');
		appeals.decide(second, a.id, { decision: 'upheld', note: '检定证书有效，认定撤销' });
		const restored = merchants.detail(merchant.id)!;
		expect(restored.merchant.score).toBe(91);
		expect(restored.badge?.state).toBe('valid');
		expect(appeals.reversedIds(merchant.id)).toEqual([entry.id]);
		const pub = streets.supervision.archive(merchant.id, 'public');
		expect(pub.some((e) => e.kind === 'reversal' && e.points === 10)).toBe(true);
		const actions = db
			.select({ a: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.entityType, 'appeal'))
			.all()
			.map((r) => r.a);
		expect(actions).toEqual(expect.arrayContaining(['appeal.file', 'appeal.upheld']));
	});

	it('close after the window', async () => {
		const officer = await makeUser('town_officer', ['maogang']);
		const { merchant } = await makeBadgedMerchant(officer, 'maogang');
		const old = new Date(Date.now() - 20 * 86_400_000);
		const f = complain(merchant.id, old);
		feedback.decide(officer, f.id, { status: 'verified', note: '属实' }, old);
		expect(appeals.appealable(merchant.id)).toEqual([]);
		expect(appeals.appealable(merchant.id, new Date(old.getTime() + 86_400_000)).length).toBe(1);
	});
});

describe('signed commitments', () => {
	it('are current until the street changes its convention', async () => {
		const officer = await makeUser('town_officer', ['yexie']);
		const { merchant, street } = await makeBadgedMerchant(officer, 'yexie');
		const acc = await makeMerchantAccount([merchant.id]);
		expect(commitments.current(merchant.id)).toBeNull();
		commitments.sign(acc, merchant.id, '李店长');
		expect(commitments.current(merchant.id)?.signerName).toBe('李店长');
		streets.update(
			officer,
			street.id,
			streetInput('yexie', { name: street.name, convention: '新版公约：明码标价，诚信待客。' })
		);
		expect(commitments.current(merchant.id)).toBeNull();
	});
});

describe('receipts', () => {
	it('number each day’s feedback and show its decision to the holder of the link only', async () => {
		const officer = await makeUser('town_officer', ['yexie']);
		const { merchant } = await makeBadgedMerchant(officer, 'yexie');
		const now = new Date('2026-12-01T09:00:00+08:00');
		const first = complain(merchant.id, now);
		const second = complain(merchant.id, now);
		expect(first.receipt.receiptNo).toMatch(/^FK-20261201-\d{4}$/);
		expect(Number(second.receipt.receiptNo.slice(-4))).toBe(
			Number(first.receipt.receiptNo.slice(-4)) + 1
		);
		expect(formatReceiptNo('2026-12-01', 42)).toBe('FK-20261201-0042');
		expect(feedback.receipts.byToken(first.receipt.token)?.status).toBe('pending');
		expect(feedback.receipts.byToken('a'.repeat(32))).toBeUndefined();
		feedback.decide(officer, first.id, {
			status: 'mediated',
			note: '当面调解',
			answer: '已约谈商户，退还差价'
		});
		const seen = feedback.receipts.byToken(first.receipt.token)!;
		expect(seen.status).toBe('mediated');
		expect(seen.answer).toBe('已约谈商户，退还差价');
		expect(JSON.stringify(seen)).not.toContain('13812341234');
	});

	it('reveal the full phone to an officer, audited', async () => {
		const officer = await makeUser('town_officer', ['yexie']);
		const { merchant } = await makeBadgedMerchant(officer, 'yexie');
		const f = complain(merchant.id);
		expect(feedback.detail(f.id)!.f.phoneMasked).toBe('138****1234');
		expect(feedback.revealPhone(officer, f.id)).toBe('13812341234');
		const logged = db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'feedback.reveal_phone'), eq(auditLog.entityId, String(f.id))))
			.all();
		expect(logged.length).toBe(1);
	});
});

describe('work due', () => {
	it('lists overdue feedback for the town’s officer, not for another town', async () => {
		const officer = await makeUser('town_officer', ['shihudang']);
		const other = await makeUser('town_officer', ['dongjing']);
		const { merchant } = await makeBadgedMerchant(officer, 'shihudang');
		complain(merchant.id, new Date(Date.now() - 10 * 86_400_000));
		const mine = due.forUser(officer).find((i) => i.href.includes('overdue=1'));
		expect(mine?.count).toBeGreaterThanOrEqual(1);
		expect(due.forUser(other).find((i) => i.href.includes('overdue=1'))).toBeUndefined();
	});

	it('takes new items with one line', async () => {
		const u = await makeUser('inspector', ['shihudang']);
		due.register('test.extra', (x) =>
			x.role === 'inspector' ? { label: '测试事项', count: 2, href: '/staff' } : null
		);
		expect(due.forUser(u).find((i) => i.label === '测试事项')?.count).toBe(2);
		due.register('test.extra', () => null);
	});
});
