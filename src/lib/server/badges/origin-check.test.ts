import { describe, expect, it } from 'vitest';
import { originWarning } from './origin-check';

describe('the printed address', () => {
	it('warns for loopback and machine-local origins', () => {
		for (const o of [
			'http://localhost:3000',
			'https://127.0.0.1',
			'http://[::1]:5173',
			'http://0.0.0.0'
		])
			expect(originWarning(o)).toMatch(/只在本机可用/);
	});
	it('warns for plain http on a public host', () => {
		expect(originWarning('http://chengxin.songjiang.gov.cn')).toMatch(/http/);
	});
	it('is quiet for https on a public host and http inside a private network', () => {
		expect(originWarning('https://chengxin.songjiang.gov.cn')).toBeNull();
		expect(originWarning('http://192.168.1.20:3000')).toBeNull();
	});
	it('says so when ORIGIN is not a URL', () => {
		expect(originWarning('chengxin')).toMatch(/不是有效的网址/);
	});
});
