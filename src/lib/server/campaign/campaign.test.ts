import { describe, expect, it } from 'vitest';
import { like } from 'drizzle-orm';
import fc from 'fast-check';
import * as campaign from './campaign';
import * as enterprises from './enterprises';
import * as towns from '../towns';
import { SYSTEM } from '../actor';
import { db, openDatabase } from '../db';
import { commitment, enterprise } from '../db/schema';
import { DomainError } from '../forms';
import * as factories from '../testing/factories';
import { FEW, searchPlan } from './lists';

function makeEnterprise(slug: string) {
	return factories.makeEnterprise(SYSTEM, slug);
}

function commit(enterpriseId: number, year: number, disclosedOn: string, type = '诚信经营承诺') {
	return factories.makeCommitment(SYSTEM, enterpriseId, { year, disclosedOn, type });
}

function townCount(year: number, slug: string) {
	return campaign.progress(year).towns.find((t) => t.slug === slug)!;
}

describe('counting commitments', () => {
	it('counts an enterprise with several commitments once', () => {
		const e = makeEnterprise('maogang');
		commit(e.id, 2021, '2021-03-01');
		commit(e.id, 2021, '2021-04-01', '告知承诺');
		commit(e.id, 2021, '2021-05-01', '行业自律承诺');
		expect(townCount(2021, 'maogang').commitments.count).toBe(1);
		expect(campaign.progress(2021).district.commitments.count).toBe(1);
	});

	it('leaves out withdrawn commitments, but keeps an enterprise that has another published one', () => {
		const a = makeEnterprise('xinbang');
		const b = makeEnterprise('xinbang');
		const ca = commit(a.id, 2021, '2021-03-01');
		const cb1 = commit(b.id, 2021, '2021-03-02');
		commit(b.id, 2021, '2021-06-02', '告知承诺');
		expect(townCount(2021, 'xinbang').commitments.count).toBe(2);
		campaign.setCommitmentStatus(SYSTEM, ca.id, 'withdrawn');
		campaign.setCommitmentStatus(SYSTEM, cb1.id, 'withdrawn');
		expect(townCount(2021, 'xinbang').commitments.count).toBe(1);
		campaign.setCommitmentStatus(SYSTEM, ca.id, 'published');
		expect(townCount(2021, 'xinbang').commitments.count).toBe(2);
	});

	it('counts an enterprise that moved for its current town only', () => {
		const e = makeEnterprise('yexie');
		commit(e.id, 2021, '2021-02-01');
		expect(townCount(2021, 'yexie').commitments.count).toBe(1);
		const before = townCount(2021, 'shihudang').commitments.count;
		enterprises.update(SYSTEM, e.id, { name: e.name, townId: towns.bySlug('shihudang')!.id });
		expect(townCount(2021, 'yexie').commitments.count).toBe(0);
		expect(townCount(2021, 'shihudang').commitments.count).toBe(before + 1);
	});

	it('keeps years apart and counts as of a date', () => {
		const e = makeEnterprise('xiaokunshan');
		commit(e.id, 2020, '2020-05-01');
		commit(e.id, 2020, '2020-09-01', '告知承诺');
		expect(campaign.progress(2020, '2020-04-30').district.commitments.count).toBe(0);
		expect(campaign.progress(2020, '2020-05-01').district.commitments.count).toBe(1);
		expect(campaign.progress(2019).district.commitments.count).toBe(0);
	});

	it('counts only issued reports', () => {
		const e1 = makeEnterprise('chedun');
		const e2 = makeEnterprise('chedun');
		const base = { year: 2021, items: ['纳税'], agency: null, reportNo: null, issuedOn: null };
		campaign.saveReport(SYSTEM, {
			...base,
			enterpriseId: e1.id,
			disclosedOn: '2021-03-01',
			status: 'disclosed'
		});
		campaign.saveReport(SYSTEM, {
			...base,
			enterpriseId: e2.id,
			disclosedOn: null,
			status: 'applied'
		});
		expect(townCount(2021, 'chedun').reports.count).toBe(0);
		campaign.saveReport(SYSTEM, {
			...base,
			enterpriseId: e1.id,
			disclosedOn: '2021-03-01',
			reportNo: 'SJXY-2021-1',
			agency: '上海资信有限公司',
			issuedOn: '2021-04-01',
			status: 'issued'
		});
		expect(townCount(2021, 'chedun').reports.count).toBe(1);
	});

	it('matches a model: distinct enterprises with at least one published commitment, per town', () => {
		const pool = ['yueyang', 'yongfeng', 'fangsong']
			.map((s) => [makeEnterprise(s), makeEnterprise(s)])
			.flat();
		let year = 1990;
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						e: fc.integer({ min: 0, max: pool.length - 1 }),
						type: fc.constantFrom('诚信经营承诺', '告知承诺'),
						day: fc.integer({ min: 1, max: 28 }),
						withdraw: fc.boolean()
					}),
					{ maxLength: 20 }
				),
				(ops) => {
					year += 1;
					const published = new Map<string, Set<number>>();
					const seen = new Set<string>();
					for (const op of ops) {
						const e = pool[op.e];
						const date = `${year}-03-${String(op.day).padStart(2, '0')}`;
						const key = `${e.id}|${op.type}|${date}`;
						if (seen.has(key)) continue;
						seen.add(key);
						const c = commit(e.id, year, date, op.type);
						if (op.withdraw) campaign.setCommitmentStatus(SYSTEM, c.id, 'withdrawn');
						else {
							const slug = towns.byId(e.townId)!.slug;
							if (!published.has(slug)) published.set(slug, new Set());
							published.get(slug)!.add(e.id);
						}
					}
					const p = campaign.progress(year);
					for (const slug of ['yueyang', 'yongfeng', 'fangsong'])
						expect(p.towns.find((t) => t.slug === slug)!.commitments.count).toBe(
							published.get(slug)?.size ?? 0
						);
				}
			),
			{ numRuns: 40 }
		);
	});
});

describe('targets and pace', () => {
	it('keeps district defaults and per-town targets', () => {
		expect(campaign.targets(2018).commitmentTarget).toBe(5000);
		const id = towns.bySlug('sijing')!.id;
		campaign.setTargets(SYSTEM, 2018, {
			commitmentTarget: 6000,
			reportTarget: 120,
			towns: [{ townId: id, commitmentTarget: 400, reportTarget: 8 }]
		});
		const p = campaign.progress(2018);
		expect(p.district.commitments.target).toBe(6000);
		expect(p.towns.find((t) => t.slug === 'sijing')!.commitments.target).toBe(400);
		expect(p.townTargets.commitments).toBe(400);
	});

	it('measures pace against the share of the year gone', () => {
		expect(campaign.shareOfYear(2025, '2025-12-31')).toBe(1);
		expect(campaign.shareOfYear(2024, '2025-03-01')).toBe(1);
		expect(campaign.shareOfYear(2026, '2025-03-01')).toBe(0);
		expect(campaign.shareOfYear(2025, '2025-07-02')).toBeCloseTo(183 / 365, 5);
		expect(campaign.weekStart('2026-11-27')).toBe('2026-11-23');
	});

	it('flags a town whose reported count disagrees with its itemised count on that date', () => {
		const e = makeEnterprise('dongjing');
		commit(e.id, 2022, '2022-03-01');
		const townId = towns.bySlug('dongjing')!.id;
		campaign.fileCount(SYSTEM, {
			townId,
			year: 2022,
			asOf: '2022-02-28',
			commitments: 0,
			reports: 0,
			note: null
		});
		const now = new Date('2022-06-01T04:00:00Z');
		let row = campaign.dashboard(2022, now).towns.find((t) => t.townId === townId)!;
		expect(row.reported?.disagrees).toBe(false);
		campaign.fileCount(SYSTEM, {
			townId,
			year: 2022,
			asOf: '2022-05-31',
			commitments: 5,
			reports: 0,
			note: null
		});
		row = campaign.dashboard(2022, now).towns.find((t) => t.townId === townId)!;
		expect(row.reported).toMatchObject({ commitments: 5, itemisedCommitments: 1, disagrees: true });
	});
});

describe('one cache for every worker', () => {
	it('shows on the next dashboard read a commitment written by another connection', () => {
		const now = new Date('1985-06-01T04:00:00Z');
		const townId = towns.bySlug('zhongshan')!.id;
		const row = () => campaign.dashboard(1985, now).towns.find((t) => t.townId === townId)!;
		const before = row().commitments.count;
		const districtBefore = campaign.progress(1985).district.commitments.count;
		const other = openDatabase(process.env.DATABASE_URL);
		try {
			const at = new Date();
			const e = other
				.insert(enterprise)
				.values({ ...factories.fakeEnterprise(990_001), townId, createdAt: at, updatedAt: at })
				.returning()
				.get();
			other
				.insert(commitment)
				.values({
					enterpriseId: e.id,
					year: 1985,
					type: '诚信经营承诺',
					disclosedOn: '1985-05-02',
					channel: '信用松江网站',
					createdAt: at
				})
				.run();
		} finally {
			other.$client.close();
		}
		expect(row().commitments.count).toBe(before + 1);
		expect(campaign.progress(1985).district.commitments.count).toBe(districtBefore + 1);
	});
});

describe('domain rules', () => {
	it('refuses a commitment type that is not configured, and the same commitment twice', () => {
		const e = makeEnterprise('sheshan');
		expect(() => commit(e.id, 2023, '2023-03-01', '随便写的承诺')).toThrow(
			expect.objectContaining({ field: 'type', message: '请选择承诺类型' })
		);
		commit(e.id, 2023, '2023-03-01');
		let thrown: unknown;
		try {
			commit(e.id, 2023, '2023-03-01');
		} catch (err) {
			thrown = err;
		}
		expect(thrown).toBeInstanceOf(campaign.DuplicateCommitment);
		expect(thrown).toBeInstanceOf(DomainError);
		expect(thrown).toMatchObject({ field: 'type' });
	});

	it('refuses a count as of a day after today', () => {
		const input = {
			townId: towns.bySlug('sheshan')!.id,
			year: 2023,
			asOf: '2023-05-02',
			commitments: 1,
			reports: 0,
			note: null
		};
		const now = new Date('2023-05-01T04:00:00Z');
		expect(() => campaign.fileCount(SYSTEM, input, now)).toThrow(
			expect.objectContaining({ field: 'asOf', message: '截至日期不能晚于今天' })
		);
		expect(campaign.fileCount(SYSTEM, { ...input, asOf: '2023-05-01' }, now).id).toBeGreaterThan(0);
	});

	it('refuses an enterprise whose code is registered, naming the one that holds it', () => {
		const e = makeEnterprise('sheshan');
		expect(() =>
			enterprises.create(SYSTEM, { uscc: e.uscc, name: '另一家', townId: e.townId })
		).toThrow(
			expect.objectContaining({
				field: 'uscc',
				message: `该统一社会信用代码已登记为「${e.name}」（佘山镇）`
			})
		);
	});
});

describe('lists', () => {
	it('pages in SQL and counts the whole filter', () => {
		const e = makeEnterprise('maogang');
		for (const d of ['01', '02', '03']) commit(e.id, 1986, `1986-02-${d}`);
		const first = campaign.listCommitments({ townIds: null, year: 1986, page: 1, pageSize: 2 });
		const second = campaign.listCommitments({ townIds: null, year: 1986, page: 2, pageSize: 2 });
		expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3 });
		expect(first.items.map((c) => c.disclosedOn)).toEqual(['1986-02-03', '1986-02-02']);
		expect(second.items.map((c) => c.disclosedOn)).toEqual(['1986-02-01']);
		expect(campaign.listCommitments({ townIds: [], year: 1986 }).total).toBe(0);
	});

	it('finds an enterprise by any part of its name or the start of its code, renamed or not', () => {
		const e = factories.makeEnterprise(SYSTEM, 'maogang', { name: '上海泖港溪流绿植养护有限公司' });
		commit(e.id, 1985, '1985-03-01');
		const found = (q: string) =>
			campaign.listCommitments({ townIds: null, year: 1985, q }).items.map((c) => c.enterpriseId);
		for (const q of [
			'溪流绿植',
			'绿植',
			'植',
			e.uscc.slice(0, 17),
			e.uscc.slice(0, 17).toLowerCase()
		])
			expect(found(q), q).toEqual([e.id]);
		expect(found('溪流花卉')).toEqual([]);
		// the index follows a rename
		enterprises.update(SYSTEM, e.id, { name: '上海泖港清泉苗木有限公司', townId: e.townId });
		expect(found('溪流绿植')).toEqual([]);
		expect(found('清泉苗木')).toEqual([e.id]);
	});

	it('answers a search that names many enterprises as one that names few', () => {
		const town = towns.bySlug('dongjing')!;
		const now = new Date();
		const many = Array.from({ length: FEW + 5 }, (_, i) => ({
			uscc: factories.fakeUscc(4_000_000 + i),
			name: `上海洞泾广域${i}号商贸有限公司`,
			townId: town.id,
			createdAt: now,
			updatedAt: now
		}));
		for (let i = 0; i < many.length; i += 500)
			db.insert(enterprise)
				.values(many.slice(i, i + 500))
				.run();
		const broad = db
			.select({ id: enterprise.id })
			.from(enterprise)
			.where(like(enterprise.name, '上海洞泾广域%'))
			.orderBy(enterprise.id)
			.all();
		expect(broad).toHaveLength(many.length);
		for (const r of broad.slice(0, 3)) commit(r.id, 1984, '1984-05-01');
		commit(broad[broad.length - 1].id, 1984, '1984-06-01');
		expect(searchPlan('洞泾广域').kind).toBe('broad');
		expect(searchPlan('洞泾广域7号').kind).toBe('few');
		const list = (q: string) => campaign.listCommitments({ townIds: null, year: 1984, q });
		expect(list('洞泾广域').total).toBe(4);
		expect(list('广域').items.map((c) => c.enterpriseId)[0]).toBe(broad[broad.length - 1].id);
		expect(list('洞泾广域1号').total).toBe(1);
		expect(enterprises.list({ townIds: [town.id], q: '洞泾广域' }).total).toBe(many.length);
	});
});

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const r of rows) out.push(r);
	return out;
}

describe('reading commitments in steps', () => {
	it('gives the rows of the whole query, in its order, whatever the step and filter', async () => {
		const a = makeEnterprise('dongjing');
		const b = makeEnterprise('sijing');
		for (let i = 0; i < 7; i++) commit(a.id, 2019, `2019-0${1 + (i % 3)}-0${1 + i}`);
		for (let i = 0; i < 5; i++) commit(b.id, 2019, `2019-0${1 + (i % 2)}-1${i}`);
		const withdrawn = commit(b.id, 2019, '2019-09-09');
		campaign.setCommitmentStatus(SYSTEM, withdrawn.id, 'withdrawn');
		const filters: campaign.ListFilter[] = [
			{ townIds: null, status: 'published', year: 2019 },
			{ townIds: null, status: 'published', year: 2019, townId: a.townId },
			{ townIds: null, year: 2019, q: b.name },
			{ townIds: null, status: 'withdrawn' }
		];
		for (const f of filters)
			for (const size of [1, 2, 5, 100])
				expect(await collect(campaign.commitmentsInSteps(f, size))).toEqual(
					campaign.allCommitments(f)
				);
		expect(campaign.allCommitments(filters[0]).length).toBeGreaterThanOrEqual(12);
	});
});
