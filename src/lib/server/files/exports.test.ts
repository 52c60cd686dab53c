import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as exports from './exports';
import * as leases from './leases';

const url = (s: string, client = '192.0.2.1') => ({
	url: new URL(`http://x/export?${s}`),
	getClientAddress: () => client
});

describe('exports', () => {
	it('answer CSV by default and XLSX on request, and refuse other formats naming the parameter', async () => {
		const cols = [{ header: '名称', value: (r: string) => r }];
		const csv = await exports.send(url(''), '名单', cols, ['=1+1', '松江']);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		expect(csv.headers.get('content-disposition')).toContain(encodeURIComponent('名单.csv'));
		const bytes = new Uint8Array(await csv.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes)).toBe("名称\r\n'=1+1\r\n松江\r\n");
		const xlsx = await exports.send(url('format=xlsx'), '名单', cols, ['甲']);
		expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
		expect(() => exports.format(url('format=pdf').url)).toThrow(
			expect.objectContaining({
				status: 400,
				body: expect.objectContaining({ message: expect.stringContaining('参数 format 有误') })
			})
		);
	});

	it('build a cached export once per key and content version', async () => {
		let built = 0;
		const rows = () => {
			built += 1;
			return ['甲'];
		};
		const cols = [{ header: '名称', value: (r: string) => r }];
		const a = await (await exports.sendCached(url(''), 'test:1', '名单', cols, rows)).text();
		const b = await (await exports.sendCached(url(''), 'test:1', '名单', cols, rows)).text();
		await (await exports.sendCached(url(''), 'test:2', '名单', cols, rows)).text();
		expect(a).toBe(b);
		expect(a).toBe('名称\r\n甲\r\n');
		expect(built).toBe(2);
	});

	it('let each client address run two exports at once and answer 429 in Chinese beyond', async () => {
		const cols = [{ header: '名称', value: (r: string) => r }];
		const rows = () => ['甲'];
		const first = await exports.send(url('', '198.51.100.7'), '名单', cols, rows);
		const second = await exports.send(url('', '198.51.100.7'), '名单', cols, rows);
		const third = await exports.send(url('', '198.51.100.7'), '名单', cols, rows);
		expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
		expect(await third.text()).toContain('同一网络地址最多同时进行 2 个导出');
		// another address is not held up by this one
		const other = await exports.send(url('', '198.51.100.8'), '名单', cols, rows);
		expect(other.status).toBe(200);
		await other.text();
		// a finished download gives its place back
		await first.text();
		const again = await exports.send(url('', '198.51.100.7'), '名单', cols, rows);
		expect(again.status).toBe(200);
		await Promise.all([second.text(), again.text()]);
		expect(leases.held('export', 'client:198.51.100.7')).toBe(0);
	});

	it('stop counting a client once every place in all is taken', async () => {
		const cols = [{ header: '名称', value: (r: string) => r }];
		const open = [];
		for (let i = 0; i < exports.LIMITS.all; i++)
			open.push(await exports.send(url('', `203.0.113.${i}`), '名单', cols, ['甲']));
		const refused = await exports.send(url('', '203.0.113.200'), '名单', cols, ['甲']);
		expect(refused.status).toBe(429);
		expect(await refused.text()).toContain('请稍等片刻再试');
		await Promise.all(open.map((r) => r.text()));
	});

	it('write XLSX ready for Excel: a title row, a frozen filtered header, date and number cells', async () => {
		type Row = { name: string; on: string; at: Date; n: number; pct: number };
		const cols: exports.Column<Row>[] = [
			{ header: '企业名称', value: (r) => r.name },
			{ header: '公示日期', value: (r) => r.on, kind: 'date' },
			{ header: '提交时间', value: (r) => r.at, kind: 'datetime' },
			{ header: '数量', value: (r) => r.n },
			{ header: '完成率', value: (r) => r.pct, kind: 'percent' }
		];
		const rows: Row[] = [
			{
				name: '松江米业有限公司（佘山镇分公司）',
				on: '2026-03-01',
				at: new Date('2026-03-01T02:30:00Z'),
				n: 3,
				pct: 0.5
			}
		];
		const res = await exports.send(url('format=xlsx', '192.0.2.50'), '信用承诺公示', cols, rows);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(await res.arrayBuffer());
		const ws = wb.worksheets[0];
		expect(String(ws.getCell('A1').value)).toMatch(
			/^信用承诺公示（导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}，北京时间）$/
		);
		expect(ws.getRow(2).values).toEqual([
			undefined,
			'企业名称',
			'公示日期',
			'提交时间',
			'数量',
			'完成率'
		]);
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
		expect(ws.autoFilter).toBe('A2:E3');
		const on = ws.getCell('B3');
		expect(on.value).toEqual(new Date(Date.UTC(2026, 2, 1)));
		expect(on.numFmt).toBe('yyyy-mm-dd');
		// 02:30 UTC is 10:30 in Shanghai, as Excel shows it
		expect(ws.getCell('C3').value).toEqual(new Date(Date.UTC(2026, 2, 1, 10, 30)));
		expect(ws.getCell('D3').value).toBe(3);
		expect(ws.getCell('E3').value).toBe(0.5);
		expect(ws.getCell('E3').numFmt).toBe('0.0%');
		// wide enough for the Chinese name
		expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(34);
		// while the CSV stays plain: one header row, the same values as text
		const csv = await exports.send(url('', '192.0.2.50'), '信用承诺公示', cols, rows);
		expect(await csv.text()).toBe(
			'企业名称,公示日期,提交时间,数量,完成率\r\n松江米业有限公司（佘山镇分公司）,2026-03-01,2026-03-01 10:30,3,50.0%\r\n'
		);
	});
});
