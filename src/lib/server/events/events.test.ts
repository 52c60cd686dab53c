import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { auditLog, event } from '../db/schema';
import * as events from './events';
import * as towns from '../towns';
import { readSheet } from '../files/tabular';
import * as youth from '../youth';
import { SYSTEM } from '../actor';
import { exports } from '../files';
import { makeEvent, makeEventInput, makeUser } from '../testing/factories';

const id = (slug: string) => towns.bySlug(slug)!.id;
const themeId = (name: string) => events.options('theme').find((o) => o.name === name)!.id;

function cell(s: ReturnType<typeof events.summary>, slug: string, theme: string) {
	return s.rows.find((r) => r.townSlug === slug)!.byTheme[themeId(theme)];
}

describe('theme and form lists', () => {
	it('are seeded with the defaults and not re-seeded after an admin renames one', async () => {
		expect(events.options('theme').map((o) => o.name)).toEqual(events.DEFAULT_THEMES);
		expect(events.options('form').map((o) => o.name)).toEqual(events.DEFAULT_FORMS);
		const admin = await makeUser('district_admin');
		const other = events.options('form').find((o) => o.name === '其他')!;
		events.updateOption(admin, other.id, { name: '其他形式', active: true });
		events.seedOptions();
		const names = events.options('form').map((o) => o.name);
		expect(names).toContain('其他形式');
		expect(names).not.toContain('其他');
		events.updateOption(admin, other.id, { name: '其他', active: true });
		expect(() => events.createOption(admin, 'theme', '诚信进社区')).toThrow('已有同名');
	});
});

describe('town × theme table', () => {
	it('counts an event spanning two months once in each month and once in the quarter', async () => {
		const admin = await makeUser('district_admin');
		makeEvent(admin, {
			town: 'maogang',
			theme: '诚信兴商宣传月',
			form: '专题展览',
			title: '诚信兴商专题展',
			startDate: '2025-05-28',
			endDate: '2025-06-03',
			participants: 300
		});
		makeEvent(admin, {
			town: 'maogang',
			theme: '诚信兴商宣传月',
			title: '诚信兴商宣讲',
			startDate: '2025-06-15',
			participants: 40
		});
		makeEvent(admin, {
			town: 'maogang',
			theme: '诚信进校园',
			title: '诚信进校园主题班会',
			startDate: '2025-06-20',
			participants: 500,
			isPublic: false
		});
		const may = events.summary({ scope: null, from: '2025-05-01', to: '2025-05-31' });
		const june = events.summary({ scope: null, from: '2025-06-01', to: '2025-06-30' });
		const q2 = events.summary({ scope: null, from: '2025-04-01', to: '2025-06-30' });
		const july = events.summary({ scope: null, from: '2025-07-01', to: '2025-07-31' });
		expect(cell(may, 'maogang', '诚信兴商宣传月')).toEqual({ count: 1, participants: 300 });
		expect(cell(june, 'maogang', '诚信兴商宣传月')).toEqual({ count: 2, participants: 340 });
		expect(cell(q2, 'maogang', '诚信兴商宣传月')).toEqual({ count: 2, participants: 340 });
		expect(cell(q2, 'maogang', '诚信进校园')).toEqual({ count: 1, participants: 500 });
		expect(q2.rows.find((r) => r.townSlug === 'maogang')!.total).toEqual({
			count: 3,
			participants: 840
		});
		expect(cell(july, 'maogang', '诚信兴商宣传月').count).toBe(0);
		// Every active town has a row, so a town with no events shows as zero.
		expect(q2.rows).toHaveLength(towns.list().length);
		expect(q2.rows.find((r) => r.townSlug === 'xinbang')!.total.count).toBe(0);
		// The public count leaves the unpublished event out.
		const pub = events.summary({
			scope: null,
			from: '2025-04-01',
			to: '2025-06-30',
			publicOnly: true
		});
		expect(cell(pub, 'maogang', '诚信进校园').count).toBe(0);
	});

	it('agrees with counting by hand for any set of events and any period', async () => {
		const admin = await makeUser('district_admin');
		const slugs = ['chedun', 'xinqiao', 'yexie'];
		const themes = ['诚信进社区', '诚信进机关', '诚信故事宣讲'];
		const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);
		let run = 0;
		await fc.assert(
			fc.property(
				fc.array(
					fc.record({
						town: fc.constantFrom(...slugs),
						theme: fc.constantFrom(...themes),
						start: fc.integer({ min: 0, max: 120 }),
						length: fc.integer({ min: 0, max: 40 }),
						participants: fc.integer({ min: 0, max: 500 }),
						isPublic: fc.boolean()
					}),
					{ maxLength: 12 }
				),
				fc.integer({ min: 0, max: 150 }),
				fc.integer({ min: 0, max: 60 }),
				(specs, pStart, pLength) => {
					run += 1;
					db.delete(event).run();
					specs.forEach((s, i) =>
						makeEvent(admin, {
							town: s.town,
							theme: s.theme,
							title: `活动 ${run}-${i}`,
							startDate: day(s.start),
							endDate: day(s.start + s.length),
							participants: s.participants,
							isPublic: s.isPublic
						})
					);
					const from = day(pStart);
					const to = day(pStart + pLength);
					const s = events.summary({ scope: null, from, to });
					for (const slug of slugs)
						for (const theme of themes) {
							const inside = specs.filter(
								(e) =>
									e.town === slug &&
									e.theme === theme &&
									day(e.start) <= to &&
									day(e.start + e.length) >= from
							);
							expect(cell(s, slug, theme)).toEqual({
								count: inside.length,
								participants: inside.reduce((n, e) => n + e.participants, 0)
							});
						}
					const publicTotal = events
						.townTotals({ from, to, publicOnly: true })
						.reduce((n, t) => n + t.count, 0);
					expect(publicTotal).toBe(
						specs.filter((e) => e.isPublic && day(e.start) <= to && day(e.start + e.length) >= from)
							.length
					);
				}
			),
			{ numRuns: 40 }
		);
		db.delete(event).run();
	});
});

describe('public face', () => {
	it('hides unpublished events from the public list, page, map and open data', async () => {
		const officer = await makeUser('town_officer', ['sijing']);
		const shown = makeEvent(officer, {
			town: 'sijing',
			title: '泗泾诚信进社区宣讲',
			startDate: '2026-03-07',
			lat: 31.12,
			lng: 121.26
		});
		const hidden = makeEvent(officer, {
			town: 'sijing',
			title: '泗泾内部培训',
			startDate: '2026-03-08',
			lat: 31.12,
			lng: 121.26,
			isPublic: false
		});
		const list = events.publicList({ townId: id('sijing') });
		expect(list.items.map((e) => e.title)).toContain('泗泾诚信进社区宣讲');
		expect(list.items.map((e) => e.title)).not.toContain('泗泾内部培训');
		expect(events.publicGet(shown.id)?.title).toBe('泗泾诚信进社区宣讲');
		expect(events.publicGet(hidden.id)).toBeUndefined();
		const points = events.mapPoints({ townId: id('sijing') });
		expect(points.map((p) => p.id)).toEqual([shown.id]);
		expect(points[0]).toMatchObject({ lat: 31.12, lng: 121.26, url: `/events/${shown.id}` });
		// Staff still see both.
		const staff = events.list({ scope: [id('sijing')], townId: id('sijing') });
		expect(staff.items.map((e) => e.id)).toEqual(expect.arrayContaining([shown.id, hidden.id]));
	});
});

describe('access across towns', () => {
	it('lets a town officer write only their own town and see only their own town', async () => {
		const officer = await makeUser('town_officer', ['yongfeng']);
		const other = await makeUser('town_officer', ['fangsong']);
		const theirs = makeEvent(other, { town: 'fangsong', title: '方松诚信进机关讲座' });
		const auditBefore = db.select().from(auditLog).all().length;

		expect(() => makeEvent(officer, { town: 'fangsong', title: '越权登记' })).toThrow(
			'只能登记本街镇'
		);
		expect(() =>
			events.update(officer, theirs.id, makeEventInput({ town: 'yongfeng', title: '改到永丰' }))
		).toThrow('只能修改本街镇');
		expect(() => events.remove(officer, theirs.id)).toThrow('只能删除本街镇');
		expect(db.select().from(auditLog).all().length).toBe(auditBefore);
		expect(events.get(theirs.id)?.townName).toBe('方松街道');

		makeEvent(officer, { town: 'yongfeng', title: '永丰诚信进社区' });
		const mine = events.list({ scope: officer.townIds, pageSize: 200 });
		expect(mine.items.length).toBeGreaterThan(0);
		expect(mine.items.every((e) => e.townSlug === 'yongfeng')).toBe(true);
		// A filter on another town inside an officer's scope finds nothing.
		expect(events.list({ scope: officer.townIds, townId: id('fangsong') }).total).toBe(0);
		const s = events.summary({ scope: officer.townIds });
		expect(s.rows.map((r) => r.townSlug)).toEqual(['yongfeng']);
	});

	it('lets a district admin write any town', async () => {
		const admin = await makeUser('district_admin');
		const e = makeEvent(admin, { town: 'xiaokunshan', title: '小昆山诚信故事会' });
		expect(e.townId).toBe(id('xiaokunshan'));
	});
});

describe('writes', () => {
	it('audits create, update with photos and delete, in the same transaction', async () => {
		const officer = await makeUser('town_officer', ['guangfulin']);
		const e = makeEvent(officer, { town: 'guangfulin', title: '广富林诚信进校园' }, [
			'00000000-0000-4000-8000-000000000001.jpg'
		]);
		const photoId = events.get(e.id)!.photos[0].id;
		events.update(
			officer,
			e.id,
			makeEventInput({ town: 'guangfulin', title: '广富林诚信进校园（改）', participants: 88 }),
			{ add: ['00000000-0000-4000-8000-000000000002.jpg'], remove: [photoId] }
		);
		const updated = events.get(e.id)!;
		expect(updated.participants).toBe(88);
		expect(updated.photos.map((p) => p.key)).toEqual(['00000000-0000-4000-8000-000000000002.jpg']);
		events.remove(officer, e.id);
		expect(events.get(e.id)).toBeUndefined();
		const entries = db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityType, 'event'), eq(auditLog.entityId, String(e.id))))
			.all();
		expect(entries.map((a) => a.action)).toEqual(['event.create', 'event.update', 'event.delete']);
		expect(entries.every((a) => a.userId === officer.id && a.townId === id('guangfulin'))).toBe(
			true
		);
		expect((entries[1].after as { participants: number }).participants).toBe(88);
	});

	it('refuses a second event with the same town, day and title', async () => {
		const admin = await makeUser('district_admin');
		makeEvent(admin, { town: 'dongjing', title: '洞泾诚信宣讲', startDate: '2026-04-04' });
		expect(() =>
			makeEvent(admin, { town: 'dongjing', title: '洞泾诚信宣讲', startDate: '2026-04-04' })
		).toThrow('同名活动');
	});
});

describe('import', () => {
	const csv = (rows: string[]) =>
		new TextEncoder().encode(
			['活动名称,街镇,主题,形式,开始日期,结束日期,参与人数,是否公开,纬度,经度', ...rows].join('\n')
		);

	it('reports every bad row with its line and writes the good ones once', async () => {
		const officer = await makeUser('town_officer', ['jiuting']);
		const sheet = await readSheet(
			csv([
				'九亭诚信进社区宣讲,九亭镇,诚信进社区,事迹宣讲,2026/3/7,,120,是,31.13,121.32',
				'九亭诚信展览,,诚信兴商宣传月,专题展览,2026年3月1日,2026-03-20,800,否,,',
				'别镇的活动,泗泾镇,诚信进社区,事迹宣讲,2026-03-07,,10,是,,',
				'主题不对,九亭镇,诚信宣传,事迹宣讲,2026-03-07,,10,是,,',
				'日期不对,九亭镇,诚信进社区,事迹宣讲,2026-02-30,,10,是,,',
				'人数不对,九亭镇,诚信进社区,事迹宣讲,2026-03-07,,很多,是,,',
				'结束早于开始,九亭镇,诚信进社区,事迹宣讲,2026-03-07,2026-03-01,10,是,,',
				'九亭诚信进社区宣讲,九亭镇,诚信进社区,事迹宣讲,2026-03-07,,120,是,31.13,121.32'
			]),
			'events.csv'
		);
		const checked = events.checkImport(officer, sheet);
		expect(checked.total).toBe(8);
		expect(checked.good.map((g) => g.line)).toEqual([2, 3]);
		expect(checked.good[1].value).toMatchObject({
			townId: id('jiuting'),
			startDate: '2026-03-01',
			endDate: '2026-03-20',
			isPublic: false,
			participants: 800
		});
		expect(checked.bad.map((b) => [b.line, b.reason])).toEqual([
			[4, '只能导入本街镇的活动，这一行属于泗泾镇'],
			[5, expect.stringContaining('主题「诚信宣传」不在主题列表中')],
			[6, expect.stringContaining('开始日期「2026-02-30」无法识别')],
			[7, expect.stringContaining('参与人数「很多」')],
			[8, '结束日期早于开始日期'],
			[9, expect.stringContaining('与文件中前面的一行重复')]
		]);

		const first = events.commitImport(
			officer,
			checked.good.map((g) => g.value)
		);
		expect(first).toEqual({ inserted: 2, skipped: 0 });
		const again = events.commitImport(
			officer,
			events.checkImport(officer, sheet).good.map((g) => g.value)
		);
		expect(again).toEqual({ inserted: 0, skipped: 2 });
		expect(events.list({ scope: [id('jiuting')], q: '九亭诚信' }).total).toBe(2);
		const audits = db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'event.import'), eq(auditLog.userId, officer.id)))
			.all();
		expect(audits).toHaveLength(2);
	});

	it('writes nothing when a row fails inside the transaction', async () => {
		const officer = await makeUser('town_officer', ['yexie']);
		const good = makeEventInput({ town: 'yexie', title: '叶榭诚信宣讲 A' });
		const foreign = makeEventInput({ town: 'chedun', title: '车墩的活动' });
		const rows = [good, foreign].map((v) => ({ ...v, townName: '', themeName: '', formName: '' }));
		expect(() => events.commitImport(officer, rows)).toThrow('只能导入本街镇');
		expect(events.list({ scope: null, q: '叶榭诚信宣讲 A' }).total).toBe(0);
	});
});

describe('dashboard link', () => {
	it('gives every town its count and participants for a period, zero when none', async () => {
		const admin = await makeUser('district_admin');
		makeEvent(admin, {
			town: 'shihudang',
			title: '石湖荡诚信故事会',
			startDate: '2027-02-06',
			participants: 70
		});
		makeEvent(admin, {
			town: 'shihudang',
			title: '石湖荡不公开的会',
			startDate: '2027-02-07',
			participants: 20,
			isPublic: false
		});
		const totals = events.townTotals({ from: '2027-02-01', to: '2027-02-28' });
		expect(totals).toHaveLength(towns.list().length);
		expect(totals.find((t) => t.slug === 'shihudang')).toMatchObject({
			count: 2,
			participants: 90,
			lastDate: '2027-02-07'
		});
		expect(totals.find((t) => t.slug === 'xinbang')).toMatchObject({ count: 0, participants: 0 });
	});
});

describe('the town × theme table’s students', () => {
	it('sums the 学生 audience of each town’s events, in the page data and the export', () => {
		const a = makeEvent(SYSTEM, { town: 'xiaokunshan', startDate: '2024-03-05' });
		const b = makeEvent(SYSTEM, { town: 'xiaokunshan', startDate: '2024-03-06' });
		const c = makeEvent(SYSTEM, { town: 'shihudang', startDate: '2024-03-07' });
		makeEvent(SYSTEM, { town: 'shihudang', startDate: '2024-03-08' });
		youth.setForEvent(SYSTEM, a.id, {
			audiences: { student: 120, teacher: 8 },
			schools: [],
			activityType: null
		});
		youth.setForEvent(SYSTEM, b.id, {
			audiences: { student: 80 },
			schools: [],
			activityType: null
		});
		youth.setForEvent(SYSTEM, c.id, { audiences: { parent: 40 }, schools: [], activityType: null });
		const s = events.summary({ scope: null, from: '2024-03-01', to: '2024-03-31' });
		const row = (slug: string) => s.rows.find((r) => r.townSlug === slug)!;
		expect(row('xiaokunshan').students).toBe(200);
		expect(row('shihudang').students).toBe(0);
		expect(s.students).toBe(200);
		const x = exports.eventSummary;
		const cols = x.columns(s);
		const col = cols.find((k) => k.header === '学生人数')!;
		expect(col).toBeDefined();
		const rows = x.rows(s);
		expect(col.value(rows.find((r) => r.name === row('xiaokunshan').townName)!)).toBe(200);
		expect(col.value(rows.at(-1)!)).toBe(200);
	});
});
