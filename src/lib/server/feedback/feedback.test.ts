import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as feedback from './feedback';
import * as merchants from '../streets/merchants';
import * as audit from '../audit';
import { db, openDatabase } from '../db';
import { archiveEntry, feedback as feedbackTable, rateHit } from '../db/schema';
import { makeUser, feedbackInput, makeBadgedMerchant } from '../testing/factories';
import { SYSTEM } from '../actor';
import { DomainError } from '../forms';

beforeEach(() => {
	feedback.clientLimiter.reset();
	feedback.merchantLimiter.reset();
});

describe('feedback rate limits', () => {
	it('refuse a fourth message from one client within ten minutes, with a Chinese message', async () => {
		const { merchant } = await makeBadgedMerchant(SYSTEM);
		const t0 = new Date('2026-05-01T02:00:00Z');
		for (let i = 0; i < 3; i++)
			feedback.submit('1.2.3.4', feedbackInput(merchant.id), new Date(t0.getTime() + i * 1000));
		expect(() =>
			feedback.submit('1.2.3.4', feedbackInput(merchant.id), new Date(t0.getTime() + 5000))
		).toThrow(/太频繁.*分钟后再试/);
		// Another client is not held back; the first is let through again after the window.
		expect(feedback.submit('5.6.7.8', feedbackInput(merchant.id), t0)).toBeTruthy();
		expect(
			feedback.submit('1.2.3.4', feedbackInput(merchant.id), new Date(t0.getTime() + 11 * 60_000))
		).toBeTruthy();
	});

	it('refuse more than 20 an hour about one merchant, from any clients', async () => {
		const { merchant } = await makeBadgedMerchant(SYSTEM);
		const other = await makeBadgedMerchant(SYSTEM);
		const now = new Date();
		for (let i = 0; i < feedback.MERCHANT_LIMIT.max; i++)
			feedback.submit(`10.0.0.${i}`, feedbackInput(merchant.id), now);
		expect(() => feedback.submit('10.0.1.1', feedbackInput(merchant.id), now)).toThrow(
			/这家商户近一小时收到的反馈已经很多/
		);
		expect(feedback.submit('10.0.1.1', feedbackInput(other.merchant.id), now)).toBeTruthy();
	});

	it('are counted in the database, so another connection (another worker) is held to them', async () => {
		const { merchant } = await makeBadgedMerchant(SYSTEM);
		const now = new Date();
		const other = openDatabase(process.env.DATABASE_URL);
		try {
			// Three messages counted through a second connection to the same file…
			for (let i = 0; i < 3; i++)
				other
					.insert(rateHit)
					.values({ bucket: 'feedback.client:7.7.7.7', at: now.getTime() - i })
					.run();
			// …hold back the fourth on this one.
			expect(() => feedback.submit('7.7.7.7', feedbackInput(merchant.id), now)).toThrow(/太频繁/);
			// And what this connection counts, the other one sees.
			feedback.submit('7.7.7.8', feedbackInput(merchant.id), now);
			const seen = other
				.select()
				.from(rateHit)
				.where(eq(rateHit.bucket, 'feedback.client:7.7.7.8'))
				.all();
			expect(seen).toHaveLength(1);
		} finally {
			other.$client.close();
		}
	});

	it('count an admitted sender against both limits and a refused one against neither', async () => {
		const { merchant } = await makeBadgedMerchant(SYSTEM);
		const now = new Date();
		let admitted = 0;
		for (let i = 0; i < 6; i++) {
			try {
				feedback.admit('8.8.8.8', merchant.id, now);
				admitted += 1;
			} catch (e) {
				expect(e).toBeInstanceOf(DomainError);
			}
		}
		expect(admitted).toBe(3);
		expect(feedback.clientLimiter.waitMs('8.8.8.8', now.getTime())).toBeGreaterThan(0);
		const hits = db
			.select()
			.from(rateHit)
			.where(eq(rateHit.bucket, `feedback.merchant:${merchant.id}`))
			.all();
		expect(hits).toHaveLength(3);
	});

	it('store nothing when the honeypot is filled', async () => {
		const { merchant } = await makeBadgedMerchant(SYSTEM);
		expect(
			feedback.submit('9.9.9.9', feedbackInput(merchant.id, { trap: 'http://spam' }))
		).toBeNull();
		const rows = db
			.select()
			.from(feedbackTable)
			.where(eq(feedbackTable.merchantId, merchant.id))
			.all();
		expect(rows).toHaveLength(0);
	});
});

describe('officer workflow', () => {
	it('属实 applies the category deduction through supervision and downgrades the badge at once', async () => {
		const officer = await makeUser('town_officer', ['yueyang']);
		const { merchant } = await makeBadgedMerchant(officer, 'yueyang', 92);
		const f = feedback.submit('c1', feedbackInput(merchant.id, { category: 'weight' }))!;
		const r = feedback.decide(officer, f.id, { status: 'verified', note: '复称少 3 两，属实' });
		expect(r.feedback.status).toBe('verified');
		expect(r.feedback.points).toBe(feedback.DEFAULT_DEDUCTIONS.weight);
		const d = merchants.detail(merchant.id)!;
		expect(d.merchant.score).toBe(92 - feedback.DEFAULT_DEDUCTIONS.weight);
		expect(d.badge?.state).toBe('downgraded');
		const entry = db
			.select()
			.from(archiveEntry)
			.where(eq(archiveEntry.id, r.feedback.archiveEntryId!))
			.get()!;
		expect(entry).toMatchObject({
			kind: 'complaint',
			sourceType: 'feedback',
			sourceId: String(f.id)
		});
		expect(entry.complainant).toContain('138****1234');
		expect(entry.publicNote).not.toContain('1381234');
		expect(() => feedback.decide(officer, f.id, { status: 'unfounded', note: '改判' })).toThrow(
			/不能再改/
		);
		// only an appeal reverses a 属实 finding: the refusal says so
		expect(() => feedback.decide(officer, f.id, { status: 'mediated', note: '改判' })).toThrow(
			/申诉/
		);
		expect(feedback.byId(f.id)?.status).toBe('verified');
		expect(merchants.detail(merchant.id)!.merchant.score).toBe(
			92 - feedback.DEFAULT_DEDUCTIONS.weight
		);
		const log = audit.list({ entityType: 'feedback' });
		expect(
			log.items.some((e) => e.action === 'feedback.verified' && e.entityId === String(f.id))
		).toBe(true);
	});

	it('不属实 and 已调解 leave the score alone', async () => {
		const officer = await makeUser('town_officer', ['yueyang']);
		const { merchant } = await makeBadgedMerchant(officer, 'yueyang', 92);
		const a = feedback.submit('c2', feedbackInput(merchant.id))!;
		const b = feedback.submit('c3', feedbackInput(merchant.id))!;
		feedback.decide(officer, a.id, { status: 'unfounded', note: '复称足量' });
		feedback.decide(officer, b.id, { status: 'mediated', note: '已当面调解' });
		expect(merchants.detail(merchant.id)!.merchant.score).toBe(92);
	});

	it('the queue is per town, pending oldest first, with overdue marks', async () => {
		const mine = await makeUser('town_officer', ['fangsong']);
		const theirs = await makeUser('town_officer', ['sijing']);
		const { merchant } = await makeBadgedMerchant(mine, 'fangsong');
		// A Tuesday: five working days back is last Tuesday.
		const now = new Date('2026-12-01T10:00:00+08:00');
		const old = feedback.submit(
			'q1',
			feedbackInput(merchant.id),
			new Date(now.getTime() - 9 * 86_400_000)
		)!;
		const fresh = feedback.submit('q2', feedbackInput(merchant.id), now)!;
		const q = feedback.queue(mine.townIds, { status: 'pending' }, now);
		const ids = q.items.map((i) => i.id);
		expect(ids.indexOf(old.id)).toBeLessThan(ids.indexOf(fresh.id));
		expect(q.items.find((i) => i.id === old.id)?.overdueDays).toBe(2);
		expect(q.items.find((i) => i.id === fresh.id)?.overdueDays).toBeNull();
		expect(feedback.counts(mine.townIds, now).overdue).toBeGreaterThanOrEqual(1);
		expect(feedback.queue(theirs.townIds, { status: 'all' }).items.map((i) => i.id)).not.toContain(
			old.id
		);
	});
});

describe('right to reply', () => {
	it('is shown publicly as the merchant’s words, without the consumer’s text or phone', async () => {
		const officer = await makeUser('town_officer', ['yueyang']);
		const { merchant } = await makeBadgedMerchant(officer);
		const f = feedback.submit('r1', feedbackInput(merchant.id, { body: '秤不准，少了二两多' }))!;
		feedback.reply(officer, f.id, '已送检电子秤，检定合格，欢迎复称。');
		const pub = feedback.publicReplies(merchant.id);
		expect(pub).toHaveLength(1);
		expect(pub[0].reply).toBe('已送检电子秤，检定合格，欢迎复称。');
		expect(JSON.stringify(pub)).not.toContain('13812341234');
		expect(JSON.stringify(pub)).not.toContain('秤不准');
		expect(feedback.detail(f.id)!.f.phoneMasked).toBe('138****1234');
	});
});
