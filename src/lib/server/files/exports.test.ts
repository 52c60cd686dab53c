import { describe, expect, it } from 'vitest';
import * as exports from './exports';

const url = (s: string) => new URL(`http://x/export?${s}`);

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
		expect(() => exports.format(url('format=pdf'))).toThrow(
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
		const a = await exports.sendCached(url(''), 'test:1', '名单', cols, rows);
		const b = await exports.sendCached(url(''), 'test:1', '名单', cols, rows);
		await exports.sendCached(url(''), 'test:2', '名单', cols, rows);
		expect(await a.text()).toBe(await b.text());
		expect(built).toBe(2);
	});
});
