import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { escapeCsvCell, parseDate, readSheet, toCsv, toXlsx } from './tabular';

const csv =
	'企业名称,统一社会信用代码,公示日期\r\n松江米业有限公司,91310117MA1J3B2X4K,2023/6/1\r\n';

describe('reading spreadsheets', () => {
	it('reads UTF-8, UTF-8 with BOM and GBK the same', async () => {
		const utf8 = new TextEncoder().encode(csv);
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
		const gbk = new Uint8Array(iconv.encode(csv, 'gbk'));
		for (const bytes of [utf8, bom, gbk]) {
			const sheet = await readSheet(bytes, 'x.csv');
			expect(sheet.headers).toEqual(['企业名称', '统一社会信用代码', '公示日期']);
			expect(sheet.rows).toEqual([
				{
					line: 2,
					cells: {
						企业名称: '松江米业有限公司',
						统一社会信用代码: '91310117MA1J3B2X4K',
						公示日期: '2023/6/1'
					}
				}
			]);
		}
	});

	it('reads XLSX with real dates and skips empty rows', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Sheet1');
		ws.addRow(['企业名称', '公示日期']);
		ws.addRow(['甲公司', new Date(Date.UTC(2023, 5, 1))]);
		ws.addRow([]);
		ws.addRow(['乙公司', 45078]);
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const sheet = await readSheet(bytes, 'x.xlsx');
		expect(sheet.rows.map((r) => [r.line, r.cells['公示日期']])).toEqual([
			[2, '2023-06-01'],
			[4, '45078']
		]);
		expect(parseDate(sheet.rows[1].cells['公示日期'])).toBe('2023-06-01');
	});
});

describe('dates', () => {
	it('accepts the formats people type', () => {
		for (const s of ['2023-06-01', '2023/6/1', '2023年6月1日', '2023.6.1', '20230601', '45078'])
			expect(parseDate(s), s).toBe('2023-06-01');
	});
	it('refuses dates that do not exist', () => {
		for (const s of ['2023-02-30', '2023/13/1', '六月一日', '1', 'abc', ''])
			expect(parseDate(s), s).toBeNull();
	});
});

describe('exports', () => {
	it('escapes cells a spreadsheet would run as formulas', () => {
		expect(escapeCsvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		for (const c of ['+1', '-1', '@SUM(A1)']) expect(escapeCsvCell(c)).toBe(`'${c}`);
		expect(escapeCsvCell('松江')).toBe('松江');
		const out = toCsv([{ header: '名称', value: (r: string) => r }], ['=1+1']);
		expect(out).toBe("\uFEFF名称\r\n'=1+1\r\n");
	});

	it('writes XLSX that reads back', async () => {
		const bytes = await toXlsx('名单', [{ header: '名称', value: (r: string) => r }], ['甲', '乙']);
		const sheet = await readSheet(bytes, 'x.xlsx', ['名称']);
		expect(sheet.rows.map((r) => r.cells['名称'])).toEqual(['甲', '乙']);
	});
});
