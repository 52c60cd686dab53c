import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as campaign from './campaign';
import * as towns from '../towns';
import { SYSTEM } from '../actor';
import { db } from '../db';
import { auditLog } from '../db/schema';
import { DomainError } from '../forms';
import { countCorrectionSchema, countSchema } from '../../schemas/campaign';
import { withdrawSchema } from '../../schemas/corrections';

const now = new Date('2020-06-01T04:00:00Z');

function file(slug: string, commitments: number) {
	const townId = towns.bySlug(slug)!.id;
	return campaign.fileCount(
		SYSTEM,
		{ townId, year: 2020, asOf: '2020-05-31', commitments, reports: 1, note: null },
		now
	);
}

const latest = (slug: string) =>
	campaign.dashboard(2020, now).towns.find((t) => t.slug === slug)!.reported;

describe('correcting filed counts', () => {
	it('replaces the count with the corrected one and keeps the original in the history', () => {
		const c = file('sijing', 12);
		const fixed = campaign.correctCount(
			SYSTEM,
			c.id,
			{
				year: 2020,
				asOf: '2020-05-31',
				commitments: 21,
				reports: 1,
				note: null,
				reason: '12 误填，应为 21'
			},
			now
		);
		expect(fixed).toMatchObject({
			supersedesId: c.id,
			townId: c.townId,
			reason: '12 误填，应为 21'
		});
		expect(latest('sijing')?.commitments).toBe(21);
		const rows = campaign.listCounts({ townIds: [c.townId], year: 2020 });
		expect(rows.find((r) => r.id === c.id)).toMatchObject({
			state: 'corrected',
			commitments: 12,
			voidReason: '12 误填，应为 21'
		});
		expect(rows.find((r) => r.id === fixed.id)?.state).toBe('current');
		expect(() =>
			campaign.correctCount(
				SYSTEM,
				c.id,
				{
					year: 2020,
					asOf: '2020-05-31',
					commitments: 1,
					reports: 1,
					note: null,
					reason: '再改一次旧的'
				},
				now
			)
		).toThrow(DomainError);
		expect(
			db
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.action, 'count.correct'), eq(auditLog.entityId, String(fixed.id))))
				.all().length
		).toBe(1);
	});

	it('withdraws a count: the earlier filing counts again, the withdrawn one stays listed', () => {
		const a = file('shihudang', 3);
		const b = file('shihudang', 30);
		expect(latest('shihudang')?.commitments).toBe(30);
		campaign.withdrawCount(SYSTEM, b.id, '重复填报，撤回', now);
		expect(latest('shihudang')?.commitments).toBe(3);
		const rows = campaign.listCounts({ townIds: [a.townId], year: 2020 });
		expect(rows.find((r) => r.id === b.id)).toMatchObject({
			state: 'withdrawn',
			voidReason: '重复填报，撤回'
		});
		expect(() => campaign.withdrawCount(SYSTEM, b.id, '再撤回一次', now)).toThrow(/已更正或撤回/);
	});

	it('asks every correction for a reason of a few words', () => {
		const base = { year: '2020', asOf: '2020-05-31', commitments: '1', reports: '0', note: '' };
		expect(countCorrectionSchema.safeParse({ ...base, id: '1', reason: '' }).success).toBe(false);
		expect(countCorrectionSchema.safeParse({ ...base, id: '1', reason: '错' }).success).toBe(false);
		expect(
			countCorrectionSchema.safeParse({ ...base, id: '1', reason: '数字填错了' }).success
		).toBe(true);
		expect(withdrawSchema.safeParse({ id: '1', reason: '  ' }).success).toBe(false);
		expect(countSchema.safeParse({ ...base, townId: '1' }).success).toBe(true);
	});
});
