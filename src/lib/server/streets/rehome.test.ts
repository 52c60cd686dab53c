import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { auditLog, feedback as feedbackTable, inspection } from '../db/schema';
import * as streets from '../streets';
import { inspections, merchants } from '../streets';
import * as feedback from '../feedback';
import * as towns from '../towns';
import {
	inspectMerchant,
	makeFeedback,
	makeMerchant,
	makeStreet,
	makeUser,
	merchantInput,
	streetInput
} from '../testing/factories';
import { answer, requestEvent } from '../testing/requests';
import * as feedbackPage from '../../../routes/(app)/staff/feedback/[id=id]/+page.server';
import * as inspectionPage from '../../../routes/(app)/staff/inspections/[id=id]/+page.server';

const decide = (u: Awaited<ReturnType<typeof makeUser>>, id: number) =>
	answer(() =>
		feedbackPage.actions.decide(
			requestEvent(
				u,
				`/staff/feedback/${id}?/decide`,
				{ id: String(id) },
				{
					status: 'verified',
					note: '现场核实属实'
				}
			)
		)
	);

describe('access follows the merchant', () => {
	it("after a merchant moves town, the former town's officer cannot rule on its feedback; the new town's can", async () => {
		const admin = await makeUser('district_admin');
		const yueyang = await makeUser('town_officer', ['yueyang']);
		const sheshan = await makeUser('town_officer', ['sheshan']);
		const from = makeStreet(admin, 'yueyang');
		const to = makeStreet(admin, 'sheshan');
		const m = makeMerchant(admin, from.id);
		inspectMerchant(admin, m.id, 92);
		const f = makeFeedback(m.id)!;
		const draft = inspections.start(admin, { merchantId: m.id });
		expect(f.townId).toBe(towns.bySlug('yueyang')!.id);

		merchants.update(admin, m.id, { ...merchantInput(from.id), ...m, streetId: to.id });

		expect(await decide(yueyang, f.id)).toMatchObject({ status: 403 });
		const view = await answer(() =>
			inspectionPage.load(
				requestEvent(yueyang, `/staff/inspections/${draft.id}`, { id: String(draft.id) })
			)
		);
		expect(view.status).toBe(403);
		const ok = await decide(sheshan, f.id);
		expect(ok.status).toBe(303);
		expect(feedback.byId(f.id)?.status).toBe('verified');

		// Open work and history now sit in the new town, and the move is in the audit log.
		const sheshanId = towns.bySlug('sheshan')!.id;
		expect(feedback.byId(f.id)?.townId).toBe(sheshanId);
		const moved = inspections.byId(draft.id)!;
		expect(moved).toMatchObject({ townId: sheshanId, streetId: to.id });
		expect(feedback.queue(sheshan, { status: 'all' }).items.map((i) => i.id)).toContain(f.id);
		expect(feedback.queue(yueyang, { status: 'all' }).items.map((i) => i.id)).not.toContain(f.id);
		const entry = db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'merchant.move'), eq(auditLog.entityId, String(m.id))))
			.get();
		expect(entry?.townId).toBe(sheshanId);
		expect(entry?.after).toMatchObject({ openFeedback: 1, openInspections: 1 });
	});

	it('a street moved to another town takes its merchants, their feedback and its inspections', async () => {
		const admin = await makeUser('district_admin');
		const yueyang = await makeUser('town_officer', ['yueyang']);
		const sheshan = await makeUser('town_officer', ['sheshan']);
		const s = makeStreet(admin, 'yueyang');
		const m = makeMerchant(admin, s.id);
		const f = makeFeedback(m.id)!;
		const own = inspections.start(admin, { streetId: s.id });

		streets.update(admin, s.id, { ...streetInput('sheshan'), name: s.name });

		const sheshanId = towns.bySlug('sheshan')!.id;
		expect(merchants.byId(m.id)?.townId).toBe(sheshanId);
		expect(db.select().from(feedbackTable).where(eq(feedbackTable.id, f.id)).get()?.townId).toBe(
			sheshanId
		);
		expect(db.select().from(inspection).where(eq(inspection.id, own.id)).get()?.townId).toBe(
			sheshanId
		);
		expect(await decide(yueyang, f.id)).toMatchObject({ status: 403 });
		expect((await decide(sheshan, f.id)).status).toBe(303);
		const entry = db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'street.move'), eq(auditLog.entityId, String(s.id))))
			.get();
		expect(entry?.after).toMatchObject({ merchants: 1, openFeedback: 1 });
	});

	it('a stale town copy on a record grants nothing: access reads the merchant', async () => {
		const admin = await makeUser('district_admin');
		const yueyang = await makeUser('town_officer', ['yueyang']);
		const sheshan = await makeUser('town_officer', ['sheshan']);
		const m = makeMerchant(admin, makeStreet(admin, 'sheshan').id);
		const f = makeFeedback(m.id)!;
		// A copy left behind (an older row, a write that bypassed the move).
		db.update(feedbackTable)
			.set({ townId: towns.bySlug('yueyang')!.id })
			.where(eq(feedbackTable.id, f.id))
			.run();
		expect(await decide(yueyang, f.id)).toMatchObject({ status: 403 });
		expect((await decide(sheshan, f.id)).status).toBe(303);
	});
});
