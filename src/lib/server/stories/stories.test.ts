import { beforeEach, describe, expect, it } from 'vitest';
import * as stories from '.';
import { db } from '../db';
import { story } from '../db/schema';
import { eq } from 'drizzle-orm';
import {
	makeEvent,
	makeMerchant,
	makePublishedStory,
	makeStreet,
	makeUser,
	storyEditInput,
	storyInput
} from '../testing/factories';
import { SYSTEM } from '../actor';
import * as towns from '../towns';
import * as due from '../due';
import { answer, requestEvent } from '../testing/requests';
import type { SessionUser } from '../auth/session';
import * as listPage from '../../../routes/(app)/staff/stories/+page.server';
import * as storyPage from '../../../routes/(app)/staff/stories/[id=id]/+page.server';

beforeEach(() => stories.clientLimiter.reset());

describe('a resident’s story', () => {
	it('keeps only the hash of the receipt token, and the receipt follows the state', async () => {
		const officer = await makeUser('town_officer', ['sheshan']);
		const sent = stories.submit(storyInput({ contactPhone: '13812345678' }));
		expect(sent.token.length).toBeGreaterThanOrEqual(20);
		const row = db.select().from(story).where(eq(story.id, sent.story.id)).get()!;
		expect(row.receiptHash).toBe(stories.hashToken(sent.token));
		expect(JSON.stringify(row)).not.toContain(sent.token);
		expect(stories.byReceipt(sent.token)?.state).toBe('submitted');
		expect(stories.byReceipt('x'.repeat(24))).toBeUndefined();

		stories.decide(officer, sent.story.id, 'review');
		expect(stories.byReceipt(sent.token)?.state).toBe('reviewing');
		expect(stories.publicGet(sent.story.id)).toBeUndefined();
		stories.decide(officer, sent.story.id, 'publish');
		const pub = stories.publicGet(sent.story.id)!;
		expect(pub.title).toBe(sent.story.title);
		// The contact never reaches the public.
		expect(JSON.stringify(pub)).not.toContain('13812345678');
		expect(JSON.stringify(stories.publicList({ limit: 100 }))).not.toContain('13812345678');
	});

	it('is declined only with a reason, shown on the receipt', async () => {
		const officer = await makeUser('town_officer', ['sheshan']);
		const sent = stories.submit(storyInput());
		expect(() => stories.decide(officer, sent.story.id, 'reject', '')).toThrow(/原因/);
		stories.decide(officer, sent.story.id, 'reject', '内容与诚信主题无关');
		expect(stories.byReceipt(sent.token)).toMatchObject({
			state: 'rejected',
			rejectReason: '内容与诚信主题无关'
		});
		expect(() => stories.decide(officer, sent.story.id, 'publish')).toThrow(/不予采用/);
	});

	it('is limited per client: a fourth in an hour is refused', () => {
		const t0 = new Date('2026-05-01T02:00:00Z');
		for (let i = 0; i < 3; i++) stories.admit('9.9.9.9', new Date(t0.getTime() + i));
		expect(() => stories.admit('9.9.9.9', new Date(t0.getTime() + 10))).toThrow(/太频繁/);
		expect(() => stories.admit('9.9.9.8', t0)).not.toThrow();
	});
});

describe('staff and stories', () => {
	it('an officer manages only their own town’s stories', async () => {
		const officer = await makeUser('town_officer', ['yueyang']);
		const sent = stories.submit(storyInput({ town: 'sheshan' }));
		expect(() => stories.decide(officer, sent.story.id, 'publish')).toThrow(/本街镇/);
		expect(() => stories.create(officer, storyEditInput({ town: 'sheshan' }))).toThrow(/本街镇/);
		const admin = await makeUser('district_admin');
		expect(stories.decide(admin, sent.story.id, 'publish').state).toBe('published');
	});

	it('links a merchant by its USCC, and refuses an unknown one', async () => {
		const s = makeStreet(SYSTEM, 'sheshan');
		const m = makeMerchant(SYSTEM, s.id);
		const created = stories.create(
			SYSTEM,
			storyEditInput({ subjectKind: 'merchant', subjectName: m.name, linkUscc: m.uscc })
		);
		expect(created.merchantId).toBe(m.id);
		expect(() =>
			stories.create(
				SYSTEM,
				storyEditInput({ subjectKind: 'merchant', linkUscc: '91310117MA1J000000' })
			)
		).toThrow(/没有这个统一社会信用代码/);
	});

	it('lists published stories by town, tag and search, paged', () => {
		const a = makePublishedStory(SYSTEM, {
			town: 'xinqiao',
			tags: ['拾金不昧'],
			title: '出租车司机送还钱包'
		});
		makePublishedStory(SYSTEM, { town: 'xinqiao', tags: ['诚信经营'] });
		const xq = towns.bySlug('xinqiao')!.id;
		expect(stories.publicList({ townId: xq, tag: '拾金不昧' }).items.map((s) => s.id)).toEqual([
			a.id
		]);
		expect(stories.publicList({ q: '送还钱包' }).items.map((s) => s.id)).toContain(a.id);
		expect(stories.publicList({ townId: xq, limit: 1 }).items).toHaveLength(1);
		expect(stories.publicList({ townId: xq, limit: 1 }).total).toBe(2);
		expect(stories.publicTags()).toContain('拾金不昧');
	});
});

describe('events that told stories', () => {
	it('only 事迹宣讲 and 故事汇巡演 events link published stories', () => {
		const s = makePublishedStory(SYSTEM);
		const told = makeEvent(SYSTEM, { form: '事迹宣讲' });
		stories.setForEvent(SYSTEM, told.id, [s.id]);
		expect(stories.ofEvent(told.id).map((x) => x.id)).toEqual([s.id]);
		expect(stories.publicGet(s.id)!.events.map((e) => e.id)).toEqual([told.id]);
		const exhibition = makeEvent(SYSTEM, { form: '专题展览' });
		expect(() => stories.setForEvent(SYSTEM, exhibition.id, [s.id])).toThrow(/事迹宣讲/);
		const draft = stories.submit(storyInput()).story;
		expect(() => stories.setForEvent(SYSTEM, told.id, [draft.id])).toThrow(/已发布/);
		expect(stories.figures(new Date().getFullYear()).storiesPublished).toBeGreaterThan(0);
	});
});

describe('区文明办 and the story library', () => {
	const path = '/staff/stories';
	const list = (u: SessionUser) => answer(() => listPage.load(requestEvent(u, path) as never));
	const detail = (u: SessionUser, id: number) =>
		answer(() => storyPage.load(requestEvent(u, `${path}/${id}`, { id: String(id) }) as never));
	const publish = (u: SessionUser, id: number) =>
		answer(() =>
			storyPage.actions.publish(requestEvent(u, `${path}/${id}`, { id: String(id) }, {}) as never)
		);

	it('reviews and publishes every town’s stories; another department opens nothing', async () => {
		const desk = await makeUser('department_officer', [], { department: '区文明办' });
		const edu = await makeUser('department_officer', [], { department: '区教育局' });
		const officer = await makeUser('town_officer', ['sheshan']);
		const a = stories.submit(storyInput({ town: 'xiaokunshan' })).story;
		const b = stories.submit(storyInput({ town: 'sheshan' })).story;

		expect((await list(desk)).status).toBe(200);
		expect((await detail(desk, a.id)).status).toBe(200);
		const seen = (await list(desk)).body as { list: { items: { id: number }[] } };
		expect(seen.list.items.map((s) => s.id)).toEqual(expect.arrayContaining([a.id, b.id]));
		const p = await publish(desk, a.id);
		expect(p.status, JSON.stringify(p.body)).toBe(303);
		expect(stories.byId(a.id)!.state).toBe('published');
		// edits too, in any town
		const edited = stories.update(
			desk,
			b.id,
			storyEditInput({ town: 'xiaokunshan', title: '区文明办改过的标题' })
		);
		expect(edited.townId).toBe(towns.bySlug('xiaokunshan')!.id);

		expect((await list(edu)).status).toBe(403);
		expect((await detail(edu, b.id)).status).toBe(403);
		expect((await publish(edu, b.id)).status).toBe(403);
		expect(() => stories.decide(edu, b.id, 'publish')).toThrow(/只能管理/);
		expect(stories.byId(b.id)!.state).toBe('submitted');

		// a town officer keeps to its town
		expect((await detail(officer, a.id)).status).toBe(403);
		const c = stories.submit(storyInput({ town: 'sheshan' })).story;
		expect((await publish(officer, c.id)).status).toBe(303);
	});

	it('shows stories waiting for review as work due to those who may review them', async () => {
		const desk = await makeUser('department_officer', [], { department: '区文明办' });
		const edu = await makeUser('department_officer', [], { department: '区教育局' });
		const officer = await makeUser('town_officer', ['maogang']);
		const inspector = await makeUser('inspector', ['maogang']);
		const before = { desk: stories.waitingCount(desk), officer: stories.waitingCount(officer) };
		stories.submit(storyInput({ town: 'maogang' }));
		stories.submit(storyInput({ town: 'yexie' }));
		expect(stories.waitingCount(desk)).toBe(before.desk + 2);
		expect(stories.waitingCount(officer)).toBe(before.officer + 1);
		expect(stories.waitingCount(edu)).toBe(0);
		expect(stories.waitingCount(inspector)).toBe(0);
		const item = (u: SessionUser) =>
			due.forUser(u, new Date(Date.now() + 3_600_000)).find((i) => i.href === path);
		expect(item(desk)?.count).toBe(stories.waitingCount(desk));
		expect(item(edu)).toBeUndefined();
	});
});
