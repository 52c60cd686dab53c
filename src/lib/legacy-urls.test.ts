import { describe, expect, it } from 'vitest';
import { LEGACY_URLS, legacyRedirect } from './legacy-urls';

describe('legacyRedirect', () => {
	it.each(LEGACY_URLS.map((row) => row.example))('%s → %s', (old, now) => {
		expect(legacyRedirect(old)).toBe(now);
	});

	it('answers each example from its own row, not an earlier wider one', () => {
		for (const [i, row] of LEGACY_URLS.entries()) {
			const first = LEGACY_URLS.findIndex((r) => r.from.test(row.example[0]));
			expect(first, row.example[0]).toBe(i);
		}
	});

	it.each([
		['/campaign', '/staff/campaign'],
		['/campaign/import/commitments/template', '/staff/campaign/import/commitments/template'],
		['/campaign/reports/9/pdf', '/staff/campaign/reports/9/pdf'],
		['/admin/event-options', '/staff/admin/event-options'],
		['/admin/ratings', '/staff/admin/ratings'],
		['/badges/', '/staff/badges'],
		['/badges/feedback', '/staff/feedback'],
		['/badges/SJ-2026-000001/qr.png', '/staff/badges/SJ-2026-000001/qr.png'],
		['/badges/print/street/3/', '/staff/streets/3/print']
	])('%s → %s', (old, now) => {
		expect(legacyRedirect(old)).toBe(now);
	});

	it.each([
		'/',
		'/map',
		'/map/list',
		'/merchants/7',
		'/merchants/7/feedback',
		'/events',
		'/events/3',
		'/disclosures',
		'/redlist',
		'/b/ABCD1234',
		'/B/ABCD1234',
		'/api/v1/merchants',
		'/login',
		'/logout',
		'/healthz',
		'/ping',
		'/prefs/text-size',
		'/uploads/img/abc',
		'/staff',
		'/staff/campaign',
		'/staff/badges',
		'/staff/admin/users',
		'/staff/account',
		'/campaigns',
		'/administrator',
		'/accounts',
		'/badgesx',
		'/badges/merchants/7/extra'
	])('leaves %s alone', (path) => {
		expect(legacyRedirect(path)).toBeNull();
	});

	it('sends every old URL somewhere under /staff', () => {
		for (const row of LEGACY_URLS) expect(row.example[1]).toMatch(/^\/staff\//);
		expect(legacyRedirect('/campaign//evil.example')).toBe('/staff/campaign//evil.example');
	});
});
