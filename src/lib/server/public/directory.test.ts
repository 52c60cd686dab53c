import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { archiveEntry, badge, merchant, street } from '../db/schema';
import * as directory from './directory';
import { home } from './home';
import { fillStreets, STREETS } from '../testing/factories';
import { distanceM, filterParams } from '../../map/legend';
import { load as redListLoad } from '../../../routes/(public)/redlist/+page.server';
import { load as homeLoad } from '../../../routes/(public)/+page.server';

const [yueyang, sijing] = [STREETS[0], STREETS[4]];
const filled = fillStreets({ streets: [yueyang, sijing], perStreet: 30, seed: 11 });

/** The list as a page reads it: from the URL's parameters. */
const list = (params: string) =>
	directory.list(directory.listQuery(new URL(`http://localhost/map/list?${params}`)));

/** What a call throws, as SvelteKit's `error()` makes it. */
function thrown(f: () => unknown) {
	try {
		f();
	} catch (e) {
		return e as { status: number; body: { message: string } };
	}
}

function event(path: string) {
	return {
		url: new URL(`http://localhost${path}`),
		locals: { user: null },
		setHeaders: () => {}
	} as never;
}

describe('public directory', () => {
	it('filters by town, street, level, category and name, as the map does', () => {
		const all = list('pageSize=100');
		expect(all.total).toBe(60);
		const town = list('town=sijing&pageSize=100');
		expect(town.total).toBe(30);
		expect(town.items.every((m) => m.streetId === filled[1].streetId)).toBe(true);
		const street = list(`street=${filled[0].streetId}&level=model&pageSize=100`);
		expect(
			street.items.every((m) => m.level === 'model' && m.streetId === filled[0].streetId)
		).toBe(true);
		const food = list('category=food&pageSize=100');
		expect(food.items.every((m) => m.category === 'food')).toBe(true);
		const name = all.items[7].name.slice(0, 3);
		const byName = list(`q=${encodeURIComponent(name)}&pageSize=100`);
		expect(byName.total).toBeGreaterThan(0);
		expect(byName.items.every((m) => m.name.includes(name))).toBe(true);
		expect(list('q=%25').total).toBe(60);
	});

	it('reads the filters it writes into links', () => {
		const f = {
			town: 'sijing',
			street: filled[1].streetId,
			level: 'model' as const,
			category: 'food' as const,
			q: '面馆'
		};
		const q = directory.listQuery(new URL(`http://localhost/map?${filterParams(f)}`));
		const { town, ...rest } = q.filters;
		expect({ ...rest, town: town?.slug, q: q.q }).toEqual(f);
	});

	it('answers a bad filter with a 400 that names it, instead of ignoring it', () => {
		for (const bad of [
			'town=../x',
			'town=nowhere',
			'street=-3',
			'level=gold',
			'category=bank',
			'near=north',
			'page=0',
			'pageSize=500',
			`q=${'长'.repeat(41)}`
		]) {
			const name = bad.split('=')[0];
			expect(
				thrown(() => list(bad)),
				bad
			).toMatchObject({
				status: 400,
				body: { message: expect.stringContaining(`参数 ${name} 有误`) }
			});
		}
		// Blank values are no filter at all.
		expect(list('town=&level=&q=%20%20').total).toBe(60);
	});

	it('puts model merchants first, and nearest first when asked', () => {
		const first = list('pageSize=5').items;
		expect(first[0].level).toBe('model');
		const here: [number, number] = [sijing.from[0], sijing.from[1]];
		const near = list(`near=${here.join(',')}&pageSize=60`).items;
		expect(near[0].streetId).toBe(filled[1].streetId);
		const d = near.map((m) => distanceM(here, [m.lat!, m.lng!]));
		expect([...d].sort((a, b) => a - b)).toEqual(d);
	});

	it('pages through the list and keeps the page in range', () => {
		const p2 = list('page=2&pageSize=25');
		expect(p2.page).toBe(2);
		expect(p2.items).toHaveLength(25);
		expect(list('page=99&pageSize=25').page).toBe(3);
	});

	it('gives open data every merchant by id, and an empty page past the end', () => {
		const q = directory.listQuery(new URL('http://localhost/api/v1/merchants?pageSize=100'));
		const open = directory.list(q, 'open');
		expect(open.items.map((m) => m.id)).toEqual(
			[...open.items.map((m) => m.id)].sort((a, b) => a - b)
		);
		const past = directory.list({ ...q, page: 99 }, 'open');
		expect(past.page).toBe(99);
		expect(past.items).toEqual([]);
	});

	it('shows the public archive without complainants, internal notes or hidden entries', () => {
		const m = db.select().from(merchant).where(eq(merchant.streetId, filled[0].streetId)).get()!;
		db.update(merchant)
			.set({ contactName: '李经理', contactPhone: '13900002222' })
			.where(eq(merchant.id, m.id))
			.run();
		db.insert(archiveEntry)
			.values([
				{
					merchantId: m.id,
					townId: m.townId,
					kind: 'complaint',
					occurredAt: new Date(),
					points: -5,
					title: '投诉属实：短斤少两',
					publicNote: '已责令整改。',
					internalNote: '投诉人电话已回访',
					complainant: '张先生 13800001111',
					createdAt: new Date()
				},
				{
					merchantId: m.id,
					townId: m.townId,
					kind: 'note',
					occurredAt: new Date(),
					title: '内部记录',
					public: false,
					createdAt: new Date()
				}
			])
			.run();
		const page = directory.detail(m.id)!;
		const entries = page.archive;
		expect(entries[0].title).toBe('投诉属实：短斤少两');
		expect(entries.some((e) => e.title === '内部记录')).toBe(false);
		const text = JSON.stringify(page);
		expect(text).not.toContain('张先生');
		expect(text).not.toContain('回访');
		expect(page.name).toBe(m.name);
		// The USCC is public (the page shows it); the contacts behind it are not.
		expect(text).not.toContain('李经理');
		expect(text).not.toContain('13900002222');
		expect(directory.detail(999999)).toBeUndefined();
	});

	it('lists only valid model merchants on the red list', () => {
		const red = directory.redList({ pageSize: 50 }).items;
		expect(red.length).toBeGreaterThan(0);
		for (const r of red) {
			const row = db.select().from(merchant).where(eq(merchant.id, r.id)).get()!;
			expect(row.level).toBe('model');
		}
	});

	it('has one red list: the home page and /redlist agree, and leave out closed and withdrawn', async () => {
		const [a, b] = fillStreets({ streets: STREETS.slice(6, 8), perStreet: 12, seed: 21 });
		const redOf = (streetId: number) =>
			db
				.select({ id: merchant.id })
				.from(merchant)
				.innerJoin(badge, eq(badge.id, merchant.currentBadgeId))
				.where(
					and(
						eq(merchant.streetId, streetId),
						eq(merchant.level, 'model'),
						eq(badge.state, 'valid')
					)
				)
				.all()
				.map((r) => r.id);
		const closed = redOf(a.streetId)[0];
		const withdrawn = redOf(b.streetId);
		expect(closed).toBeDefined();
		expect(withdrawn.length).toBeGreaterThan(0);
		db.update(merchant).set({ tradingStatus: 'closed' }).where(eq(merchant.id, closed)).run();
		db.update(street).set({ status: 'withdrawn' }).where(eq(street.id, b.streetId)).run();

		const page = (await redListLoad(event('/redlist?pageSize=200'))) as {
			red: { items: { id: number }[]; total: number };
		};
		const onPage = page.red.items.map((r) => r.id);
		expect(page.red.total).toBe(onPage.length);
		expect(onPage).not.toContain(closed);
		for (const id of withdrawn) expect(onPage).not.toContain(id);

		const shown = ((await homeLoad(event('/'))) as ReturnType<typeof home>).redList.map(
			(r) => r.id
		);
		expect(shown.length).toBe(Math.min(8, onPage.length));
		for (const id of shown) expect(onPage).toContain(id);
		// The home page shows the best running scores of that same list.
		const scores = new Map(
			directory.redList({ pageSize: 200 }).items.map((r) => [r.id, r.score ?? 0])
		);
		const lowestShown = Math.min(...shown.map((id) => scores.get(id)!));
		for (const id of onPage.filter((x) => !shown.includes(x)))
			expect(scores.get(id)!).toBeLessThanOrEqual(lowestShown);
	});

	it('answers /redlist with a bad town as a 400 naming it', async () => {
		let thrown: unknown;
		try {
			await redListLoad(event('/redlist?town=atlantis'));
		} catch (e) {
			thrown = e;
		}
		expect(thrown).toMatchObject({
			status: 400,
			body: { message: expect.stringContaining('参数 town') }
		});
	});

	it('pages the streets of open data in SQL, by town', () => {
		const all = directory.streets({ filters: {}, page: 1, pageSize: 200 });
		expect(all.total).toBe(all.items.length);
		const first = directory.streets({ filters: {}, page: 1, pageSize: 1 });
		const second = directory.streets({ filters: {}, page: 2, pageSize: 1 });
		expect(first.total).toBe(all.total);
		expect([first.items[0].id, second.items[0].id]).toEqual(all.items.slice(0, 2).map((s) => s.id));
	});
});
