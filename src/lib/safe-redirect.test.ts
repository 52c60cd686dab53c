import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-redirect';

describe('safeNext', () => {
	it('keeps paths on this site', () => {
		expect(safeNext('/staff')).toBe('/staff');
		expect(safeNext('/staff/campaign?year=2026#top')).toBe('/staff/campaign?year=2026#top');
	});

	it('never sends anyone to another origin', () => {
		for (const next of [
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'/\t/evil.example',
			'/%09/evil.example'.replace('%09', '\t'),
			'/\n/evil.example',
			'javascript:alert(1)',
			''
		])
			expect(safeNext(next, '/staff'), JSON.stringify(next)).toBe('/staff');
	});
});
