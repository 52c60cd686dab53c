import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import * as creditTowns from '.';
import * as towns from '../towns';
import * as due from '../due';
import { db } from '../db';
import { auditLog } from '../db/schema';
import { inspections, standards } from '../streets';
import { SYSTEM } from '../actor';
import { DomainError } from '../forms';
import {
	applyCreditTown,
	evidencePdf,
	makeUser,
	reviewCreditTown,
	scoresFor
} from '../testing/factories';
import { answer, requestEvent } from '../testing/requests';
import * as appPage from '../../../routes/(app)/staff/plan/credit-town/[id=id]/+page.server';
import * as filePage from '../../../routes/(app)/staff/plan/credit-town/files/[id=id]/+server';
import * as reviewPage from '../../../routes/(app)/(admin)/staff/admin/credit-towns/[id=id]/+page.server';
import type { SessionUser } from '../auth/session';

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);

let admin: SessionUser;
let yueyang: SessionUser;
let yongfeng: SessionUser;
let dept: SessionUser;
let inspector: SessionUser;

beforeAll(async () => {
	process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'chengxin-credit-'));
	admin = await makeUser('district_admin');
	yueyang = await makeUser('town_officer', ['yueyang']);
	yongfeng = await makeUser('town_officer', ['yongfeng']);
	dept = await makeUser('department_officer');
	inspector = await makeUser('inspector', ['yueyang']);
});

function throwsOn(field: string, run: () => unknown) {
	try {
		run();
	} catch (e) {
		expect(e).toBeInstanceOf(DomainError);
		expect((e as DomainError).field).toBe(field);
		return (e as DomainError).message;
	}
	throw new Error(`expected a refusal on ${field}`);
}

describe('the credit-town creation standard', () => {
	it('is a published version of the streets’ standards, 100 points with a pass mark', () => {
		const std = standards.current('credit_town')!;
		expect(std.version).toBe(1);
		expect(standards.totalPoints(std.items)).toBe(100);
		expect(std.passMark).toBe(80);
		expect(std.items.map((i) => i.groupName)).toEqual(
			expect.arrayContaining([
				'组织领导',
				'信用承诺',
				'信用修复',
				'诚信宣传',
				'社区治理嵌入信用',
				'示范街建设'
			])
		);
		expect(std.items.filter((i) => !i.veto).every((i) => i.guidance.startsWith('佐证材料'))).toBe(
			true
		);
	});

	it('keeps its pass mark in a new draft, which can change it', () => {
		const draft = standards.createDraft(admin, 'credit_town');
		expect(draft.passMark).toBe(80);
		throwsOn('passMark', () =>
			standards.updateDraft(admin, draft.id, {
				name: '',
				note: '',
				items: draft.items,
				passMark: 0
			})
		);
		const saved = standards.updateDraft(admin, draft.id, {
			name: '',
			note: '提高合格线',
			items: draft.items,
			passMark: 85
		});
		expect(saved.passMark).toBe(85);
		standards.discardDraft(admin, draft.id);
	});
});

describe('a credit-town application', () => {
	it('goes from draft to 申报, is returned, filed again, scored, failed, then named', async () => {
		const t = towns.bySlug('yueyang')!;
		const app = creditTowns.start(yueyang, t.id, day('2026-02-01'));
		expect(app.status).toBe('draft');
		throwsOn('_', () => creditTowns.start(yueyang, t.id));
		throwsOn('townId', () => creditTowns.start(yongfeng, t.id));

		const std = standards.byId(app.standardId)!;
		const first = std.items[0];
		// nothing filed: the first item's statement is asked for
		expect(
			throwsOn(`text_${first.id}`, () =>
				creditTowns.save(yueyang, app.id, { note: '', texts: [] }, {}, true)
			)
		).toContain(first.code);
		const texts = std.items.map((i) => ({ itemId: i.id, text: `${i.code} 已落实` }));
		throwsOn(`files_${first.id}`, () =>
			creditTowns.save(yueyang, app.id, { note: '', texts }, {}, true)
		);
		throwsOn('_', () => creditTowns.save(yongfeng, app.id, { note: '', texts }, {}, false));
		const add = [];
		for (const i of std.items.filter((x) => !x.veto))
			add.push({ itemId: i.id, file: await evidencePdf(`${i.code}.pdf`) });
		const filed = creditTowns.save(
			yueyang,
			app.id,
			{ note: '申报', texts },
			{ add },
			true,
			day('2026-02-10')
		);
		expect(filed).toMatchObject({ status: 'submitted', submittedOn: '2026-02-10' });
		throwsOn('_', () => creditTowns.save(yueyang, app.id, { note: '', texts }, {}, false));
		expect(due.forUser(admin).some((d) => d.label.startsWith('待受理的信用街镇'))).toBe(true);

		throwsOn('_', () => creditTowns.sendBack(yueyang, app.id, '材料不全，请补充'));
		throwsOn('comment', () => creditTowns.sendBack(admin, app.id, ' '));
		creditTowns.sendBack(admin, app.id, 'T5 活动照片不清楚');
		expect(creditTowns.byId(app.id)).toMatchObject({
			status: 'returned',
			returnComment: 'T5 活动照片不清楚'
		});
		expect(due.forUser(yueyang).find((d) => d.label.includes('被退回'))?.count).toBe(1);
		expect(due.forUser(yongfeng).find((d) => d.label.includes('被退回'))).toBeUndefined();
		creditTowns.save(yueyang, app.id, { note: '已补充', texts }, {}, true, day('2026-02-20'));

		// scored below the pass mark: a reason is required, then it fails with it
		const review = creditTowns.accept(admin, app.id, day('2026-03-01'));
		expect(review).toMatchObject({ kind: 'credit_town', creditTownId: app.id });
		expect(creditTowns.byId(app.id)!.status).toBe('building');
		expect(() => inspections.save(inspector, review.id, { scores: [] })).toThrow(DomainError);
		const low = { scores: scoresFor(std.items, 70), summary: '' };
		throwsOn('summary', () => creditTowns.score(admin, app.id, low, true, day('2026-03-05')));
		creditTowns.score(
			admin,
			app.id,
			{ ...low, summary: '社区治理嵌入信用尚无实例' },
			true,
			day('2026-03-05')
		);
		const failed = creditTowns.byId(app.id)!;
		expect(failed).toMatchObject({ status: 'failed', total: 70 });
		expect(failed.reason).toContain('社区治理嵌入信用尚无实例');
		expect(due.forUser(yueyang).find((d) => d.label.includes('未通过'))?.count).toBe(1);
		expect(creditTowns.publicStatusByTown('2026-03-06').get(t.id)).toEqual({
			status: 'failed',
			since: '2026-03-05',
			validUntil: null
		});

		// a new application passes: named for three years, reviewed every year
		const again = await applyCreditTown(yueyang, 'yueyang', { now: day('2026-04-01') });
		reviewCreditTown(admin, again.id, 88, { now: day('2026-04-18') });
		const named = creditTowns.byId(again.id)!;
		expect(named).toMatchObject({
			status: 'named',
			namedOn: '2026-04-18',
			validUntil: '2029-04-17',
			reviewDueOn: '2027-04-18',
			total: 88
		});
		expect(creditTowns.named('2026-05-01').map((x) => x.slug)).toContain('yueyang');
		expect(creditTowns.publicStatusByTown('2026-05-01').get(t.id)).toEqual({
			status: 'named',
			since: '2026-04-18',
			validUntil: '2029-04-17'
		});
		expect(due.forUser(yueyang).find((d) => d.label.includes('未通过'))).toBeUndefined();
		const actions = db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.entityType, 'credit_town'), eq(auditLog.entityId, String(app.id))))
			.all()
			.map((r) => r.action);
		expect(actions).toEqual(
			expect.arrayContaining([
				'credit_town.start',
				'credit_town.submit',
				'credit_town.return',
				'credit_town.accept',
				'credit_town.failed'
			])
		);
	});

	it('keeps its name by a passing yearly review and loses it by a failing one', async () => {
		const app = await applyCreditTown(SYSTEM, 'sijing', { now: day('2025-01-10') });
		reviewCreditTown(admin, app.id, 90, { now: day('2025-01-20') });
		reviewCreditTown(admin, app.id, 85, { now: day('2026-01-15'), accept: false });
		expect(creditTowns.byId(app.id)).toMatchObject({
			status: 'named',
			reviewedOn: '2026-01-15',
			reviewDueOn: '2027-01-15'
		});
		reviewCreditTown(admin, app.id, 60, {
			now: day('2026-11-01'),
			accept: false,
			summary: '信用修复台账缺失'
		});
		const revoked = creditTowns.byId(app.id)!;
		expect(revoked).toMatchObject({ status: 'revoked', endedOn: '2026-11-01' });
		expect(revoked.reason).toContain('年度复核未通过');
		expect(creditTowns.named().map((x) => x.slug)).not.toContain('sijing');
	});

	it('expires past its last valid day, and can be revoked with a reason', async () => {
		const app = await applyCreditTown(SYSTEM, 'chedun', { now: day('2022-01-10') });
		reviewCreditTown(admin, app.id, 95, { now: day('2022-01-20') });
		expect(creditTowns.publicStatusByTown('2026-12-01').get(app.townId)?.status).toBe('expired');
		creditTowns.expireDue(day('2026-12-01'));
		expect(creditTowns.byId(app.id)).toMatchObject({ status: 'expired', endedOn: '2026-12-01' });

		const other = await applyCreditTown(SYSTEM, 'xinqiao');
		reviewCreditTown(admin, other.id, 92);
		throwsOn('reason', () => creditTowns.revoke(admin, other.id, '无'));
		throwsOn('_', () => creditTowns.revoke(yueyang, other.id, '发生重大失信事件'));
		creditTowns.revoke(admin, other.id, '发生重大失信事件');
		expect(creditTowns.byId(other.id)!.status).toBe('revoked');
	});
});

describe('the application pages', () => {
	it('are the own town’s and the district’s only', async () => {
		const app = await applyCreditTown(SYSTEM, 'yongfeng', { submit: false });
		const id = String(app.id);
		const view = (u: SessionUser) =>
			answer(() => appPage.load(requestEvent(u, `/staff/plan/credit-town/${id}`, { id })));
		expect((await view(yongfeng)).status).toBe(200);
		expect((await view(admin)).status).toBe(200);
		expect((await view(yueyang)).status).toBe(403);
		expect((await view(dept)).status).toBe(403);
		expect((await view(inspector)).status).toBe(403);
		const save = (u: SessionUser) =>
			answer(() =>
				appPage.actions.save(
					requestEvent(u, `/staff/plan/credit-town/${id}`, { id }, { note: '改', intent: 'save' })
				)
			);
		expect((await save(yueyang)).status).toBe(403);
		expect(creditTowns.byId(app.id)!.note).not.toBe('改');
		expect((await save(yongfeng)).status).toBe(303);

		const fileId = String(creditTowns.detail(app.id)!.items[0].files[0].id);
		const get = (u: SessionUser) =>
			answer(() =>
				filePage.GET(requestEvent(u, `/staff/plan/credit-town/files/${fileId}`, { id: fileId }))
			);
		expect((await get(yongfeng)).status).toBe(200);
		expect((await get(admin)).status).toBe(200);
		expect((await get(yueyang)).status).toBe(403);
		expect((await get(dept)).status).toBe(403);

		// the district does not see a draft; once filed it reviews it
		const review = () =>
			answer(() => reviewPage.load(requestEvent(admin, `/staff/admin/credit-towns/${id}`, { id })));
		expect((await review()).status).toBe(404);
		creditTowns.save(yongfeng, app.id, { note: '', texts: [] }, {}, true);
		expect((await review()).status).toBe(200);
	});
});
