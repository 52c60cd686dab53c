import { describe, expect, it } from 'vitest';
import * as feedback from '../feedback';
import * as badges from '../badges';
import * as audit from '../audit';
import { db } from '../db';
import { makeUser, feedbackInput, makeBadgedMerchant } from '../testing/factories';
import * as exports from './exports';
import { toCsv } from './tabular';

describe('list exports', () => {
	it('feedback: every row of the filter in the user’s towns, no full phone number anywhere', async () => {
		const mine = await makeUser('town_officer', ['xiaokunshan']);
		const theirs = await makeUser('town_officer', ['xinqiao']);
		const { merchant } = await makeBadgedMerchant(mine, 'xiaokunshan');
		const other = await makeBadgedMerchant(theirs, 'xinqiao');
		const f = feedback.submit(
			'x1',
			feedbackInput(merchant.id, { phone: '13912345678', body: '秤不准，请回电 13987654321。' })
		)!;
		feedback.submit('x2', feedbackInput(other.merchant.id));
		const rows = feedback.exportRows(mine, { status: 'all' });
		expect(rows.map((r) => r.id)).toEqual([f.id]);
		expect(rows[0]).toMatchObject({
			phoneMasked: '139****5678',
			body: '秤不准，请回电 139****4321。'
		});
		expect(rows[0]).not.toHaveProperty('phone');
		const text = toCsv(exports.feedbackList.columns, rows);
		expect(text).toContain('139****5678');
		expect(text).not.toMatch(/1[3-9]\d{9}/);
		// the list page's rows carry no phone either
		expect(feedback.queue(mine, { status: 'all' }).items[0]).not.toHaveProperty('phone');
	});

	it('badges: the register of the user’s towns, filtered by street', async () => {
		const mine = await makeUser('town_officer', ['maogang']);
		const a = await makeBadgedMerchant(mine, 'maogang');
		const b = await makeBadgedMerchant(mine, 'maogang');
		const elsewhere = await makeBadgedMerchant(await makeUser('district_admin'), 'dongjing');
		const all = badges.list(mine.townIds);
		expect(all.map((r) => r.serial)).toEqual(
			expect.arrayContaining([a.badge.serial, b.badge.serial])
		);
		expect(all.map((r) => r.serial)).not.toContain(elsewhere.badge.serial);
		expect(badges.list(mine.townIds, { streetId: a.street.id }).map((r) => r.serial)).toEqual([
			a.badge.serial
		]);
		expect(badges.list(null).length).toBeGreaterThanOrEqual(3);
	});

	it('audit: every entry of the filter once, newest first, across pages', async () => {
		const admin = await makeUser('district_admin');
		db.transaction((tx) => {
			for (let i = 0; i < 1205; i++)
				audit.record(tx, admin, { action: 'test.bulk', entityType: 'bulk_test', entityId: i });
		});
		const filter = audit.filterOf({ filters: { type: 'bulk_test' } });
		const ids = [...audit.all(filter)].map((e) => Number(e.entityId));
		expect(ids).toHaveLength(1205);
		expect(new Set(ids).size).toBe(1205);
		expect(ids[0]).toBe(1204);
		expect(ids.at(-1)).toBe(0);
	});

	it('audit: the date filter keeps whole Shanghai days', () => {
		const f = audit.filterOf({ filters: { from: '2026-12-01', to: '2026-12-01' } });
		expect(f.from?.toISOString()).toBe('2026-11-30T16:00:00.000Z');
		expect(f.to?.toISOString()).toBe('2026-12-01T16:00:00.000Z');
	});
});
