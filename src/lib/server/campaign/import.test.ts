import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import * as importer from './import';
import * as campaign from './campaign';
import * as enterprises from './enterprises';
import * as towns from '../towns';
import { readSheet } from '../files/tabular';
import { SYSTEM } from '../actor';
import { makeUser, fakeUscc } from '../testing/factories';

const HEADER = '企业名称,统一社会信用代码,所属街镇,承诺类型,公示日期,公示渠道,公示链接';
const TYPES = campaign.commitmentTypes();
let n = 0;
const code = () => fakeUscc(500_000 + ++n);

async function check(
	bytes: Uint8Array,
	filename: string,
	year = 2025,
	scope: number[] | null = null
) {
	const sheet = await readSheet(bytes, filename);
	return importer.checkCommitments(sheet, { year, scope, types: TYPES });
}

/** The good rows of a check, written as the web and CLI imports write them. */
const goods = <T>(r: { good: { value: T }[] }) => r.good.map((g) => g.value);

const utf8 = (s: string) => new TextEncoder().encode(s);
const bom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));

describe('importing commitments', () => {
	const rows = () => {
		const [a, b, c] = [code(), code(), code()];
		return {
			codes: [a, b, c],
			text: [
				HEADER,
				`上海泖塘食品有限公司,${a},泖港镇,诚信经营承诺,2025-06-01,信用松江网站,https://example.cn/a`,
				`上海云间科技有限公司,${b},泖港镇,告知承诺,2025/6/3,企业门户,`,
				`上海茸城物流有限公司,${c},泖港镇,行业自律承诺,2025年7月15日,现场公示,`
			].join('\r\n')
		};
	};

	for (const [label, encode] of [
		['UTF-8', utf8],
		['UTF-8 with BOM', bom],
		['GBK', gbk]
	] as const) {
		it(`reads a ${label} CSV with every date format`, async () => {
			const { text, codes } = rows();
			const r = await check(encode(text), 'a.csv');
			expect(r.bad).toEqual([]);
			expect(
				r.good.map((g) => [g.line, g.value.uscc, g.value.disclosedOn, g.value.townName])
			).toEqual([
				[2, codes[0], '2025-06-01', '泖港镇'],
				[3, codes[1], '2025-06-03', '泖港镇'],
				[4, codes[2], '2025-07-15', '泖港镇']
			]);
			expect(r.good[0].value.name).toBe('上海泖塘食品有限公司');
		});
	}

	it('reads an XLSX with Excel dates, serial numbers and typed text', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Sheet1');
		ws.addRow(HEADER.split(','));
		const [a, b] = [code(), code()];
		ws.addRow([
			'上海华亭电子有限公司',
			a,
			'泖港镇',
			'诚信经营承诺',
			new Date(Date.UTC(2025, 7, 8)),
			'其他',
			''
		]);
		ws.addRow(['上海仓城服饰有限公司', b, '泖港镇', '信用修复承诺', 45839, '其他', '']);
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const r = await check(bytes, 'a.xlsx');
		expect(r.bad).toEqual([]);
		expect(r.good.map((g) => g.value.disclosedOn)).toEqual(['2025-08-08', '2025-07-01']);
	});

	it('lists every bad row with its line and reason, and keeps the good ones', async () => {
		const good = code();
		const wrongCheck = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
		const text = [
			HEADER,
			`上海好企业有限公司,${good},泖港镇,诚信经营承诺,2025-06-01,信用松江网站,`,
			`上海坏代码有限公司,${wrongCheck},泖港镇,诚信经营承诺,2025-06-01,信用松江网站,`,
			`上海无名镇有限公司,${code()},火星镇,诚信经营承诺,2025-06-01,信用松江网站,`,
			`上海坏日期有限公司,${code()},泖港镇,诚信经营承诺,2025-13-01,信用松江网站,`,
			`上海好企业有限公司,${good},泖港镇,诚信经营承诺,2025-06-01,信用松江网站,`,
			`上海错年度有限公司,${code()},泖港镇,诚信经营承诺,2024-06-01,信用松江网站,`,
			`上海错类型有限公司,${code()},泖港镇,随便承诺,2025-06-01,信用松江网站,`
		].join('\n');
		const r = await check(gbk(text), 'bad.csv');
		expect(r.total).toBe(7);
		expect(r.good.map((g) => g.line)).toEqual([2]);
		const reasons = Object.fromEntries(r.bad.map((b) => [b.line, b.reason]));
		expect(reasons[3]).toContain('校验位不符');
		expect(reasons[4]).toContain('火星镇');
		expect(reasons[5]).toContain('无法识别');
		expect(reasons[6]).toContain('与第 2 行重复');
		expect(reasons[7]).toContain('不在 2025 年度内');
		expect(reasons[8]).toContain('承诺类型');
		expect(r.bad.find((b) => b.line === 4)!.summary).toContain('上海无名镇有限公司');
	});

	it('writes the good rows once: the same file again changes nothing', async () => {
		const { text } = rows();
		const before = campaign.progress(2025).towns.find((t) => t.slug === 'maogang')!.commitments
			.count;
		const first = await check(utf8(text), 'a.csv');
		const r1 = importer.commitCommitments(SYSTEM, null, 'a.csv', goods(first));
		expect(r1).toMatchObject({ created: 3, enterprisesCreated: 3, unchanged: 0 });
		const after = campaign.progress(2025).towns.find((t) => t.slug === 'maogang')!.commitments
			.count;
		expect(after).toBe(before + 3);
		const second = await check(utf8(text), 'a.csv');
		const r2 = importer.commitCommitments(SYSTEM, null, 'a.csv', goods(second));
		expect(r2).toMatchObject({ created: 0, enterprisesCreated: 0, unchanged: 3 });
		expect(campaign.progress(2025).towns.find((t) => t.slug === 'maogang')!.commitments.count).toBe(
			after
		);
		expect(importer.describe(r2, '信用承诺')).toContain('3 条已存在');
	});

	it("refuses a town officer's rows for another town, and enterprises registered elsewhere", async () => {
		const officer = await makeUser('town_officer', ['maogang']);
		const elsewhere = enterprises.create(SYSTEM, {
			uscc: code(),
			name: '上海车墩机械制造有限公司',
			townId: towns.bySlug('chedun')!.id
		});
		const own = code();
		const text = [
			HEADER,
			`上海本镇有限公司,${own},泖港镇,诚信经营承诺,2025-06-01,信用松江网站,`,
			`上海外镇有限公司,${code()},车墩镇,诚信经营承诺,2025-06-01,信用松江网站,`,
			`上海车墩机械制造有限公司,${elsewhere.uscc},泖港镇,诚信经营承诺,2025-06-01,信用松江网站,`
		].join('\n');
		const r = await check(utf8(text), 'o.csv', 2025, officer.townIds);
		expect(r.good.map((g) => g.line)).toEqual([2]);
		expect(r.bad.find((b) => b.line === 3)!.reason).toContain('不是您负责的街镇');
		expect(r.bad.find((b) => b.line === 4)!.reason).toContain('登记在「车墩镇」');
		const result = importer.commitCommitments(officer, officer.townIds, 'o.csv', goods(r));
		expect(result.created).toBe(1);
		expect(enterprises.byUscc(elsewhere.uscc)!.townId).toBe(towns.bySlug('chedun')!.id);
	});

	it('moves an enterprise when a district admin imports it for a new town', async () => {
		const e = enterprises.create(SYSTEM, {
			uscc: code(),
			name: '上海迁移物流有限公司',
			townId: towns.bySlug('chedun')!.id
		});
		const text = `${HEADER}\n上海迁移物流有限公司,${e.uscc},泖港镇,诚信经营承诺,2025-06-01,其他,`;
		const r = await check(utf8(text), 'm.csv');
		const result = importer.commitCommitments(SYSTEM, null, 'm.csv', goods(r));
		expect(result.enterprisesMoved).toBe(1);
		expect(enterprises.byUscc(e.uscc)!.townId).toBe(towns.bySlug('maogang')!.id);
	});
});

describe('importing supplementary reports', () => {
	const HEAD =
		'企业名称,统一社会信用代码,所属街镇,补充信息项,公示日期,报告编号,出具机构,出具日期,状态';

	it('infers the status, counts only issued reports, and updates rather than duplicates', async () => {
		const [a, b, c] = [code(), code(), code()];
		const text = [
			HEAD,
			`上海甲有限公司,${a},新浜镇,纳税、社保,2025-03-01,SJXY-2025-1,上海资信有限公司,2025年4月1日,`,
			`上海乙有限公司,${b},新浜镇,公积金,2025-03-02,,,,`,
			`上海丙有限公司,${c},新浜镇,纳税,,,,,已申请`,
			`上海丁有限公司,${code()},新浜镇,纳税,2025-03-01,,,,已出具信用报告`,
			`上海戊有限公司,${code()},新浜镇,吃饭,2025-03-01,,,,`
		].join('\n');
		const sheet = await readSheet(gbk(text), 'r.csv');
		const r = importer.checkReports(sheet, { year: 2025, scope: null });
		expect(r.good.map((g) => g.value.status)).toEqual(['issued', 'disclosed', 'applied']);
		expect(r.bad.map((x) => x.line)).toEqual([5, 6]);
		expect(r.bad[0].reason).toContain('报告编号');
		expect(r.bad[1].reason).toContain('吃饭');
		const before = campaign.progress(2025).district.reports.count;
		importer.commitReports(SYSTEM, null, 'r.csv', goods(r));
		expect(campaign.progress(2025).district.reports.count).toBe(before + 1);
		const again = importer.commitReports(SYSTEM, null, 'r.csv', goods(r));
		expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });

		const upgrade = `${HEAD}\n上海乙有限公司,${b},新浜镇,公积金,2025-03-02,SJXY-2025-2,上海资信有限公司,2025-05-01,`;
		const r2 = importer.checkReports(await readSheet(utf8(upgrade), 'u.csv'), {
			year: 2025,
			scope: null
		});
		expect(importer.commitReports(SYSTEM, null, 'u.csv', goods(r2))).toMatchObject({ updated: 1 });
		expect(campaign.progress(2025).district.reports.count).toBe(before + 2);
	});
});

describe('the check character in imports', () => {
	it('names the wrong character', async () => {
		const bad = '91310117MA1J3BIX4A';
		const r = await check(
			utf8(`${HEADER}\n上海甲有限公司,${bad},泖港镇,诚信经营承诺,2025-06-01,其他,`),
			'x.csv'
		);
		expect(r.bad[0].reason).toContain('第 15 位「I」');
	});
});

describe("an office's own workbook", () => {
	it('finds the header under a merged title, reads every kind of date and leaves out totals and signatures', async () => {
		const { default: writeExcelFile } = await import('write-excel-file/node');
		const [a, b, c] = [code(), code(), code()];
		const t = (value: string, extra = {}) => ({ value, ...extra });
		const data = [
			[
				t('松江区佘山镇2025年企业信用承诺公示情况汇总表', { columnSpan: 8 }),
				null,
				null,
				null,
				null,
				null,
				null,
				null
			],
			[
				t('填报单位：佘山镇人民政府'),
				null,
				null,
				null,
				null,
				null,
				t('填报日期：2025年4月1日'),
				null
			],
			[
				'序号',
				'单位名称',
				'信用代码',
				'所属街道',
				'承诺类型',
				'承诺日期',
				'公示渠道',
				'公示链接'
			].map((h) => t(h)),
			[
				{ value: 1, type: Number },
				t('佘山甲有限公司'),
				t(a),
				t('佘山镇'),
				t(TYPES[0]),
				{ value: new Date(Date.UTC(2025, 2, 1)), type: Date, format: 'yyyy/mm/dd' },
				t('信用松江网站'),
				null
			],
			[null, null, null, null, null, null, null, null],
			[
				{ value: 2, type: Number },
				t('佘山乙有限公司'),
				t(b),
				t('佘山镇'),
				t(TYPES[0]),
				t('2025年3月2日'),
				t('信用松江网站'),
				null
			],
			[
				{ value: 3, type: Number },
				t('佘山丙有限公司'),
				t(c),
				t('佘山镇'),
				t(TYPES[0]),
				{ value: 45720, type: Number },
				t('信用松江网站'),
				null
			],
			[t('合计'), t('3 家'), null, null, null, null, null, null],
			[t('填表人：张三'), null, null, t('审核人：李四'), null, null, null, null]
		];
		const buffer = await writeExcelFile([
			{ data: [[t('填表说明：请按汇总表格式填写，日期填写到日。')]], sheet: '填表说明' },
			{ data, sheet: '汇总表' }
		]).toBuffer();
		const sheet = await readSheet(
			new Uint8Array(buffer),
			'汇总表.xlsx',
			importer.commitments.required
		);
		expect(sheet.sheetName).toBe('汇总表');
		expect(sheet.headerLine).toBe(3);
		expect(sheet.skipped).toEqual([
			{ line: 8, text: '合计 3 家', reason: '合计行' },
			{ line: 9, text: '填表人：张三 审核人：李四', reason: '签名或填表信息' }
		]);
		const r = importer.checkCommitments(sheet, { year: 2025, scope: null, types: TYPES });
		expect(r.bad).toEqual([]);
		expect(r.total).toBe(3);
		expect(goods(r).map((g) => [g.uscc, g.disclosedOn])).toEqual([
			[a, '2025-03-01'],
			[b, '2025-03-02'],
			[c, '2025-03-04']
		]);
	});
});
