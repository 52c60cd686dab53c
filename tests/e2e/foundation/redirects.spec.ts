import { expect, test } from '@playwright/test';
import { LEGACY_URLS } from '../../../src/lib/legacy-urls';
import { loginAsAdmin } from '../helpers';

test('every moved staff URL answers 308 with the new path and the query string', async ({
	request
}) => {
	for (const { example } of LEGACY_URLS) {
		const [old, now] = example;
		const res = await request.get(`${old}?year=2026&town=sheshan`, { maxRedirects: 0 });
		expect(res.status(), old).toBe(308);
		expect(res.headers().location, old).toBe(`${now}?year=2026&town=sheshan`);
	}
});

test('a form post to a moved URL is sent on with its method kept', async ({ request }) => {
	const res = await request.post('/admin/users/new?/create', {
		form: { username: 'x' },
		headers: { origin: process.env.E2E_ORIGIN! },
		maxRedirects: 0
	});
	expect(res.status()).toBe(308);
	expect(res.headers().location).toBe('/staff/admin/users/new?/create');
});

test('an old bookmark lands a signed-in user on the page itself', async ({ page }) => {
	await loginAsAdmin(page);
	await page.goto('/campaign?year=2026');
	await expect(page).toHaveURL(/\/staff\/campaign\?year=2026$/);
	await expect(page.getByRole('heading', { name: '2026 年信用承诺工作进度' })).toBeVisible();
});
