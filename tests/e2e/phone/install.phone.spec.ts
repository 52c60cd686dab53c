import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { loginAs } from '../helpers';

test.use({ viewport: { width: 360, height: 740 } });

// Lighthouse's installability criteria, checked directly: a manifest linked from the page that
// parses, with a name, a short name, a start URL inside its scope, standalone display and 192 and
// 512 px PNG icons that load at those sizes; a service worker with a fetch handler that controls
// the page (over localhost, a secure context); and an offline answer for the start URL.
test('the staff app can be installed and opens offline to a notice, not the browser’s error', async ({
	page,
	context
}) => {
	await loginAs(page, 'inspector', ['zhongshan']);
	await page.goto('/staff');
	expect(await page.evaluate(() => window.isSecureContext)).toBe(true);

	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBe('/staff.webmanifest');
	const res = await page.request.get(href!);
	expect(res.ok()).toBe(true);
	expect(res.headers()['content-type']).toMatch(/application\/manifest\+json|application\/json/);
	const manifest = await res.json();
	expect(manifest).toMatchObject({
		name: '诚信松江工作台',
		start_url: '/staff',
		scope: '/staff',
		display: 'standalone',
		theme_color: '#c8161d'
	});
	expect(manifest.short_name.length).toBeGreaterThan(0);
	expect(manifest.short_name.length).toBeLessThanOrEqual(12);
	expect(new URL(manifest.start_url, page.url()).pathname.startsWith(manifest.scope)).toBe(true);
	await expect(page.locator('meta[name="theme-color"]').first()).toHaveAttribute(
		'content',
		'#c8161d'
	);

	const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
	for (const size of [192, 512])
		for (const purpose of ['any', 'maskable'])
			expect(icons.some((i) => i.sizes === `${size}x${size}` && i.purpose === purpose)).toBe(true);
	for (const icon of icons) {
		const r = await page.request.get(icon.src);
		expect(r.ok(), icon.src).toBe(true);
		expect(r.headers()['content-type']).toBe('image/png');
		const meta = await sharp(await r.body()).metadata();
		expect(`${meta.width}x${meta.height}`).toBe(icon.sizes);
		expect(meta.format).toBe('png');
	}

	// The service worker, with its fetch handler, controls the page under its /staff scope.
	const sw = await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		return { scope: reg.scope, script: reg.active?.scriptURL };
	});
	expect(new URL(sw.scope).pathname).toBe('/staff');
	expect(new URL(sw.script!).pathname).toBe('/service-worker.js');
	await page.waitForFunction(() => !!navigator.serviceWorker.controller);
	const script = await (await page.request.get('/service-worker.js')).text();
	expect(script).toContain('fetch');

	// Offline, the start URL answers with the notice in Chinese.
	await context.setOffline(true);
	await page.goto('/staff');
	await expect(page.getByRole('heading', { name: '暂无网络连接' })).toBeVisible();
	await page.screenshot({ path: 'test-results/phone/offline-notice.png' });
	await expect(page.getByRole('button', { name: '重新连接' })).toBeVisible();
	// With the signal back, the notice goes back to the page by itself.
	await context.setOffline(false);
	await expect(page.getByRole('heading', { name: '暂无网络连接' })).toBeHidden({ timeout: 20_000 });
	await expect(page.locator('.staff-header')).toBeVisible();
});

test('the service worker keeps no page or data response, and leaves public pages alone', async ({
	page
}) => {
	await loginAs(page, 'inspector', ['zhongshan']);
	await page.goto('/staff/merchants');
	await page.waitForFunction(() => !!navigator.serviceWorker.controller);
	await page.goto('/staff/inspections');
	const kept = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys())
			for (const req of await (await caches.open(name)).keys())
				urls.push(new URL(req.url).pathname);
		return urls;
	});
	expect(kept.length).toBeGreaterThan(0);
	expect(kept).toContain('/offline.html');
	for (const u of kept) {
		expect(u).not.toMatch(/^\/staff(\/|$)/);
		expect(u).not.toMatch(/__data\.json/);
		expect(u === '/' || u.startsWith('/map') || u.startsWith('/merchants')).toBe(false);
	}
	// A public page is not under the worker's scope.
	await page.goto('/');
	expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(false);
	// The CSP lets the worker and the manifest load.
	const res = await page.request.get('/staff/merchants');
	const csp = res.headers()['content-security-policy'] ?? '';
	expect(csp).toContain("worker-src 'self'");
	expect(csp).toContain("manifest-src 'self'");
});
