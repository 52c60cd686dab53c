import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { auditLog } from '../db/schema';
import * as inspections from './inspections';
import * as supervision from './supervision';
import * as merchants from './merchants';
import { DomainError } from '../forms';
import {
	amendInspection,
	inspectMerchant,
	makeMerchant,
	makeStreet,
	makeUser
} from '../testing/factories';

async function rated(total: number) {
	const inspector = await makeUser('inspector', ['yexie']);
	const street = makeStreet(inspector, 'yexie');
	const m = makeMerchant(inspector, street.id);
	const first = inspectMerchant(inspector, m.id, total).inspection;
	return { inspector, m, first };
}

describe('amending a submitted inspection', () => {
	it('keeps the old version, scores by the new one, and marks the original in the archive', async () => {
		const { inspector, m, first } = await rated(80);
		expect(merchants.detail(m.id)!.merchant.level).toBe('honest');
		const { inspection: next } = amendInspection(inspector, first.id, 93, '第三项漏记分，更正');
		expect(next.supersedesId).toBe(first.id);
		expect(inspections.byId(first.id)!.status).toBe('superseded');
		expect(inspections.byId(first.id)!.total).toBe(80);
		const d = merchants.detail(m.id)!;
		expect(d.merchant).toMatchObject({ score: 93, level: 'model', lastInspectionId: next.id });
		expect(d.badge).toMatchObject({ level: 'model', state: 'valid' });
		const pub = supervision.archive(m.id, 'public');
		const correction = pub.find((e) => e.kind === 'correction')!;
		expect(correction.publicNote).toContain('第三项漏记分，更正');
		expect(correction.previousInspectionId).toBe(first.id);
		const original = pub.find((e) => e.kind === 'inspection')!;
		expect(original.corrected).toEqual({ reason: '第三项漏记分，更正', inspectionId: next.id });
		expect(inspections.versions(next.id).map((v) => v.id)).toEqual([first.id, next.id]);
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'inspection.amend')).all().length
		).toBeGreaterThan(0);
	});

	it('keeps the point changes since the original and the same badge when the level holds', async () => {
		const { inspector, m, first } = await rated(95);
		const badgeId = merchants.detail(m.id)!.badge!.id;
		supervision.record(inspector, m.id, { kind: 'commendation', points: 2 });
		amendInspection(inspector, first.id, 92);
		const d = merchants.detail(m.id)!;
		expect(d.merchant.score).toBe(94);
		expect(d.badge!.id).toBe(badgeId);
		expect(d.badge!.state).toBe('valid');
	});

	it('suspends the badge when the amended total no longer earns a level', async () => {
		const { inspector, m, first } = await rated(88);
		amendInspection(inspector, first.id, 60);
		const d = merchants.detail(m.id)!;
		expect(d.merchant).toMatchObject({ score: 60, level: 'none' });
		expect(d.badge?.state).toBe('suspended');
	});

	it('leaves the score to a later inspection when an older one is amended', async () => {
		const { inspector, m, first } = await rated(80);
		inspectMerchant(inspector, m.id, 91);
		amendInspection(inspector, first.id, 70);
		expect(merchants.detail(m.id)!.merchant).toMatchObject({ score: 91, level: 'model' });
	});

	it('needs a reason, a submitted current version, and no other open draft', async () => {
		const { inspector, m, first } = await rated(85);
		expect(() => inspections.amend(inspector, first.id, '有误')).toThrow(DomainError);
		const draft = inspections.amend(inspector, first.id, '分数录入有误，更正');
		// opening it again returns the same draft
		expect(inspections.amend(inspector, first.id, '分数录入有误，更正').id).toBe(draft.id);
		expect(inspections.start(inspector, { merchantId: m.id }).id).toBe(draft.id);
		expect(() => inspections.amend(inspector, draft.id, '草稿不能更正的')).toThrow(
			/只能更正已提交/
		);
		// until the amendment is submitted, the original counts
		expect(merchants.detail(m.id)!.merchant.lastInspectionId).toBe(first.id);
		inspections.discard(inspector, draft.id);
		expect(inspections.byId(first.id)!.status).toBe('submitted');
		const next = amendInspection(inspector, first.id, 86).inspection;
		expect(() => inspections.amend(inspector, first.id, '再更正一次原版')).toThrow(/已被更正/);
		expect(inspections.amend(inspector, next.id, '再次更正现行版本').supersedesId).toBe(next.id);
	});
});
