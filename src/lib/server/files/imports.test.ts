import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db, openDatabase } from '../db';
import { stagedImport } from '../db/schema';
import * as imports from './imports';
import { zipBomb } from '../testing/zip';

const checked = {
	good: [{ line: 2, value: { name: '甲', on: new Date(Date.UTC(2026, 0, 31)), n: 1, x: null } }],
	bad: [{ line: 3, reason: '缺少企业名称', summary: '乙' }],
	total: 2
};

describe('staged imports', () => {
	it('are kept in the database: staged through one connection, taken through another', () => {
		const other = openDatabase(process.env.DATABASE_URL);
		try {
			const s = imports.stage('test.kind', 7, '名单.csv', checked);
			const row = other.select().from(stagedImport).where(eq(stagedImport.token, s.token)).get();
			expect(row).toMatchObject({ kind: 'test.kind', userId: 7, filename: '名单.csv' });
			const taken = imports.take<(typeof checked.good)[number]['value']>('test.kind', 7, s.token, {
				db: other
			});
			expect(taken).toMatchObject({ total: 2, filename: '名单.csv', bad: checked.bad });
			// Dates come back as ISO strings; everything else as it went in.
			expect(taken!.good).toEqual([
				{ line: 2, value: { name: '甲', on: '2026-01-31T00:00:00.000Z', n: 1, x: null } }
			]);
			expect(db.select().from(stagedImport).where(eq(stagedImport.token, s.token)).get()).toBe(
				undefined
			);
		} finally {
			other.$client.close();
		}
	});

	it('commit at most once', () => {
		const s = imports.stage('test.kind', 7, 'a.csv', checked);
		expect(imports.take('test.kind', 7, s.token)).toBeDefined();
		expect(imports.take('test.kind', 7, s.token)).toBeUndefined();
	});

	it('commit only for the user and kind that staged them, and leave them for that user', () => {
		const s = imports.stage('test.kind', 7, 'a.csv', checked);
		expect(imports.take('test.kind', 8, s.token)).toBeUndefined();
		expect(imports.take('test.kind', null, s.token)).toBeUndefined();
		expect(imports.take('other.kind', 7, s.token)).toBeUndefined();
		expect(imports.take('test.kind', 7, '')).toBeUndefined();
		expect(imports.take('test.kind', 7, s.token)).toBeDefined();
	});

	it('expire after 30 minutes, and expired ones are swept', () => {
		const now = Date.now();
		const s = imports.stage('test.kind', 7, 'a.csv', checked, { now });
		expect(
			imports.take('test.kind', 7, s.token, { now: now + imports.TTL_MS + 1 })
		).toBeUndefined();
		expect(imports.sweep({ now: now + imports.TTL_MS + 1 })).toBeGreaterThanOrEqual(1);
		expect(db.select().from(stagedImport).where(eq(stagedImport.token, s.token)).get()).toBe(
			undefined
		);
	});

	it('refuse rows that would not survive JSON', () => {
		expect(() =>
			imports.stage('test.kind', 7, 'a.csv', {
				good: [{ line: 2, value: { seen: new Set([1]) } }],
				bad: [],
				total: 1
			})
		).toThrow('JSON');
	});
});

describe('reading an import file', () => {
	const utf8 = (s: string) => new TextEncoder().encode(s);

	it('finds the header below title rows and keeps the file’s line numbers', async () => {
		const r = await imports.readFile(
			utf8('佘山镇信用承诺汇总表\n填报单位：佘山镇,,\n序号,企业名称,所属街镇\n1,甲公司,佘山镇\n'),
			'a.csv',
			['企业名称', '所属街镇']
		);
		if ('error' in r) throw new Error(r.error);
		expect(r.sheet.rows).toEqual([
			{ line: 4, cells: { 序号: '1', 企业名称: '甲公司', 所属街镇: '佘山镇' } }
		]);
	});

	it('names the missing columns, an empty file and a file without rows', async () => {
		expect(
			await imports.readFile(utf8('企业名称\n甲\n'), 'a.csv', ['企业名称', '所属街镇'])
		).toEqual({
			error:
				'缺少必填列：所属街镇。前 20 行里没有找到含这些列的列名行（各工作表都找过），请对照导入模板检查列名。'
		});
		expect(await imports.readFile(new Uint8Array(), 'a.csv', ['企业名称'])).toEqual({
			error: '请选择要导入的 CSV 或 Excel 文件'
		});
		expect(await imports.readFile(utf8('企业名称\n'), 'a.csv', ['企业名称'])).toEqual({
			error: '文件里没有数据行'
		});
	});
});

describe('the summary of a commit', () => {
	it('reads the same for every import', () => {
		expect(
			imports.describe({ created: 2, updated: 1, unchanged: 3 }, { unit: '家', noun: '商户' }, 1)
		).toBe('导入完成：新增 2 家商户，更新 1 家，3 家已存在，未重复写入；1 行有问题，未导入。');
		expect(imports.describe({ created: 0, unchanged: 0 }, { unit: '场', noun: '活动' })).toBe(
			'导入完成：新增 0 场活动。'
		);
	});
});

describe('import bounds', () => {
	it('keep at most three previews per user, forgetting the oldest', () => {
		const tokens = [0, 1, 2, 3].map(
			(i) => imports.stage('test.kind', 41, `f${i}.csv`, checked, { now: 1_000 + i }).token
		);
		const left = db
			.select({ token: stagedImport.token })
			.from(stagedImport)
			.where(eq(stagedImport.userId, 41))
			.all()
			.map((r) => r.token);
		expect(left.sort()).toEqual(tokens.slice(1).sort());
		expect(imports.take('test.kind', 41, tokens[0], { now: 2_000 })).toBeUndefined();
		expect(imports.take('test.kind', 41, tokens[3], { now: 2_000 })).toBeDefined();
	});

	it('keep and show the first 200 bad rows, and count the rest', () => {
		const bad = Array.from({ length: 450 }, (_, i) => ({
			line: i + 2,
			reason: '缺少企业名称',
			summary: ''
		}));
		const s = imports.stage('test.kind', 42, 'bad.csv', { good: [], bad, total: 450 });
		const taken = imports.take<unknown>('test.kind', 42, s.token)!;
		expect(taken.bad).toHaveLength(200);
		expect(taken.badCount).toBe(450);
		const p = imports.previewOf(taken, () => ({}));
		expect([p.bad.length, p.badCount, p.badMore]).toEqual([200, 450, 250]);
		expect(p.bad[0].line).toBe(2);
	});

	it('refuse a CSV of more than 60,000 data rows, and take one of 60,000', async () => {
		const big = new TextEncoder().encode('企业名称\n' + 'a\n'.repeat(2_000_000));
		const r = await imports.readFile(big, 'big.csv', ['企业名称']);
		expect(r).toEqual({ error: '文件超过每次 60000 行数据的上限，请拆分后分批导入' });
		const ok = new TextEncoder().encode('企业名称\n' + 'a\n'.repeat(60_000));
		const sheet = await imports.readFile(ok, 'ok.csv', ['企业名称']);
		expect('sheet' in sheet && sheet.sheet.rows.length).toBe(60_000);
	});

	it('refuse an XLSX whose entries declare more than the cap, before inflating them', async () => {
		// a zip whose one entry declares 1 GB in the central directory
		const r = await imports.readFile(zipBomb(1024 * 1024 * 1024), 'bomb.xlsx', ['企业名称']);
		expect(r).toEqual({ error: expect.stringContaining('解压后超过') });
	});

	it('send an old .xls to be saved as .xlsx', async () => {
		const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
		const r = await imports.readFile(ole, '名单.xls', ['企业名称']);
		expect(r).toEqual({ error: expect.stringContaining('另存为」.xlsx') });
	});
});
