import { describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { auditLog } from '$lib/server/db/schema';
import * as metrology from '$lib/server/metrology';
import { instruments } from '$lib/server/streets';
import { inspectUnit, makeUnit, makeUser } from '$lib/server/testing/factories';
import { answer, requestEvent } from '$lib/server/testing/requests';
import type { SessionUser } from '$lib/server/auth/session';
import { actions, load } from './+page.server';

type Call = (e: never) => unknown;

const post = (u: SessionUser, unitId: number, action: string, form: Record<string, string>) =>
	answer(() =>
		(actions[action as keyof typeof actions] as Call)(
			requestEvent(
				u,
				`/staff/metrology/${unitId}?/${action}`,
				{ id: String(unitId) },
				form
			) as never
		)
	);

const instrumentForm = {
	type: 'price_scale',
	serial: 'P-100',
	lastVerifiedOn: '2025-06-01',
	nextDueOn: '2026-06-01',
	certificateNo: '',
	intent: 'instrument'
};

describe('the staff page of a metrology unit', () => {
	it('answers a saved form with its message only, and a refused one with the form failure', async () => {
		const officer = await makeUser('town_officer', ['sheshan']);
		const u = makeUnit(officer, 'sheshan');
		const saved = await post(officer, u.id, 'addScale', { serial: 'GP-9', place: '东门' });
		expect(saved).toEqual({ status: 200, body: { done: '已添加公平秤' } });
		const values = metrology.valuesOf(u);
		const updated = await post(officer, u.id, 'update', { ...values, name: `${u.name}（新）` });
		expect(updated).toEqual({ status: 200, body: { done: '已保存' } });
		const refused = await post(officer, u.id, 'revoke', { reason: '经营者主动申请撤销' });
		expect(refused.status).toBe(400);
		expect(refused.body).toMatchObject({ errors: { _: '只有已命名的示范单位可以撤销' } });
	});

	it("records a new verification of a unit's instrument and retires one, as a merchant's", async () => {
		const officer = await makeUser('town_officer', ['sheshan']);
		const u = makeUnit(officer, 'sheshan');
		expect(await post(officer, u.id, 'addInstrument', instrumentForm)).toEqual({
			status: 200,
			body: { done: '已添加计量器具' }
		});
		const [i] = instruments.forUnit(u.id, '2026-12-01');
		expect(i.status).toBe('overdue');
		const verified = await post(officer, u.id, 'updateInstrument', {
			instrumentId: String(i.id),
			lastVerifiedOn: '2026-11-20',
			nextDueOn: '2027-11-20',
			certificateNo: 'JD-2026-1'
		});
		expect(verified).toEqual({ status: 200, body: { done: '已更新计量器具' } });
		expect(instruments.byId(i.id)).toMatchObject({
			serial: 'P-100',
			nextDueOn: '2027-11-20',
			certificateNo: 'JD-2026-1',
			retired: false
		});
		const bad = await post(officer, u.id, 'updateInstrument', {
			instrumentId: String(i.id),
			lastVerifiedOn: '2026-11-20',
			nextDueOn: '2026-01-01'
		});
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({
			errors: { [`instrument${i.id}`]: '下次检定日期应晚于上次检定日期' }
		});
		await post(officer, u.id, 'updateInstrument', {
			instrumentId: String(i.id),
			lastVerifiedOn: '2026-11-20',
			nextDueOn: '2027-11-20',
			retired: 'on'
		});
		expect(instruments.byId(i.id)!.retired).toBe(true);
		// another unit's instrument is not this page's to change
		const other = makeUnit(officer, 'sheshan');
		expect(
			(
				await post(officer, other.id, 'updateInstrument', {
					instrumentId: String(i.id),
					lastVerifiedOn: '2026-11-20',
					nextDueOn: '2027-11-20'
				})
			).status
		).toBe(404);
	});

	it('takes a fair scale out of use: audited, no longer public or counted', async () => {
		const officer = await makeUser('town_officer', ['sheshan']);
		const u = makeUnit(officer, 'sheshan');
		const a = metrology.addScale(officer, u.id, { serial: 'GP-A', place: '东门' });
		metrology.addScale(officer, u.id, { serial: 'GP-B', place: '西门' });
		const before = metrology.figures(2026, '2026-12-01').fairScales;
		expect(await post(officer, u.id, 'retireScale', { scaleId: String(a.id) })).toEqual({
			status: 200,
			body: { done: '公平秤已停用' }
		});
		expect(metrology.figures(2026, '2026-12-01').fairScales).toBe(before - 1);
		const row = metrology.list(null, { q: u.name }).items.find((x) => x.id === u.id)!;
		expect(row.fairScales).toBe(1);
		const log = db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'fair_scale.retire'))
			.orderBy(desc(auditLog.id))
			.get();
		expect(log).toMatchObject({ entityType: 'fair_scale', entityId: String(a.id) });
		// the staff still see it, marked; a check can no longer be logged on it
		const data = (await load(
			requestEvent(officer, `/staff/metrology/${u.id}`, { id: String(u.id) }) as never
		)) as { scales: { id: number; active: boolean }[] };
		expect(data.scales.map((s) => [s.id, s.active])).toContainEqual([a.id, false]);
		const check = await post(officer, u.id, 'checkScale', {
			scaleId: String(a.id),
			checkedOn: '2026-11-30',
			checker: '张检',
			result: 'pass'
		});
		expect(check.status).toBe(400);
		expect((await post(officer, u.id, 'retireScale', { scaleId: String(a.id) })).status).toBe(400);
		// named: the public page shows only the scale in use
		inspectUnit(officer, u.id, 92);
		expect(metrology.publicDetail(u.id)!.scales.map((s) => s.serial)).toEqual(['GP-B']);
	});
});
