import { expect, test, type Page } from '@playwright/test';
import { loginAs } from '../helpers';
import { navFor } from '../../../src/lib/nav';
import type { Role } from '../../../src/lib/roles';

// Every staff page at 360 px, as the district and as a town: nothing scrolls sideways, no table is
// wider than the screen, and a screenshot of each is kept under test-results/phone/ to be looked at.
test.use({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });

/** Pages that are files, prints or actions rather than screens. */
const SKIP =
	/\/(export|template|print|download|pdf|files|attachments?)(\/|$|\?)|\.(csv|xlsx|ics|pdf|zip|geojson|png|jpg|svg)(\?|$)|\/logout/;

/** One page per route: ids become `:id`, and the query is dropped. */
const routeOf = (path: string) => path.replace(/\/\d+(?=\/|$)/g, '/:id');

async function check(page: Page, path: string, shot: string) {
	const res = await page.goto(path);
	expect(res?.status(), path).toBeLessThan(400);
	const wide = await page.evaluate(() => {
		const vw = window.innerWidth;
		const tables = [...document.querySelectorAll('table')]
			.filter((t) => t.getBoundingClientRect().width > vw + 0.5)
			.map((t) => `${t.className} ${Math.round(t.getBoundingClientRect().width)}px`);
		return { scroll: document.documentElement.scrollWidth, vw, tables };
	});
	expect(wide.scroll, `${path} scrolls sideways`).toBeLessThanOrEqual(360);
	expect(wide.tables, `${path} has a table wider than the screen`).toEqual([]);
	expect.soft(await cardFaults(page), `${path}: card labels and values`).toEqual([]);
	await page.screenshot({ path: `test-results/phone/${shot}.png`, fullPage: true });
}

/**
 * What is wrong with the cards of a page's lists: a label wider than its column (a long label
 * kept on one line runs into the value), a label hanging outside its card, or a value wider than
 * its cell. The label is a `::before` box, so a probe laid out like it (same font, width and
 * wrapping, in the same cell) stands in for it.
 */
function cardFaults(page: Page) {
	return page.evaluate(() => {
		const faults = new Set<string>();
		for (const td of document.querySelectorAll<HTMLElement>('.table-cards tbody td')) {
			if (!td.getClientRects().length) continue;
			const cell = getComputedStyle(td);
			const label = getComputedStyle(td, '::before');
			const box = td.getBoundingClientRect();
			const card = td.closest('tr')!.getBoundingClientRect();
			if (td.scrollWidth > td.clientWidth + 1)
				faults.add(`value wider than its cell: ${td.innerText.slice(0, 20)}`);
			if (label.display === 'none' || !label.content.startsWith('"')) continue;
			const text = JSON.parse(label.content) as string;
			const probe = document.createElement('span');
			probe.textContent = text;
			Object.assign(probe.style, {
				position: 'absolute',
				visibility: 'hidden',
				display: 'block',
				overflow: 'hidden',
				width: label.width,
				fontSize: label.fontSize,
				fontFamily: label.fontFamily,
				fontWeight: label.fontWeight,
				letterSpacing: label.letterSpacing,
				whiteSpace: label.whiteSpace,
				overflowWrap: label.overflowWrap,
				wordBreak: label.wordBreak
			});
			td.append(probe);
			const wider = probe.scrollWidth > probe.clientWidth + 0.5;
			probe.remove();
			if (wider) faults.add(`label runs into its value: ${text}`);
			const left =
				box.left +
				parseFloat(cell.borderLeftWidth) +
				parseFloat(cell.paddingLeft) +
				parseFloat(label.marginLeft);
			if (left < card.left - 0.5) faults.add(`label hangs outside its card: ${text}`);
			if (parseFloat(label.width) + parseFloat(label.marginLeft) > 0.5)
				faults.add(`label overlaps its value: ${text}`);
		}
		return [...faults];
	});
}

async function crawl(page: Page, role: Role, label: string) {
	const seen = new Set<string>();
	const queue = navFor(role).map((i) => i.href);
	let visited = 0;
	while (queue.length && visited < 80) {
		const path = queue.shift()!;
		const route = routeOf(path.split('?')[0]);
		if (seen.has(route)) continue;
		seen.add(route);
		visited += 1;
		await check(page, path, `${label}${route.replaceAll('/', '_').replaceAll(':', '')}`);
		const links = await page.$$eval('main a[href^="/staff"]', (as) =>
			as.map((a) => a.getAttribute('href')!)
		);
		for (const href of links) {
			if (SKIP.test(href)) continue;
			const r = routeOf(href.split('?')[0].split('#')[0]);
			if (!seen.has(r)) queue.push(href.split('#')[0]);
		}
	}
	return [...seen];
}

test('every staff page fits a 360 px phone, as the district admin', async ({ page }) => {
	test.setTimeout(300_000);
	await loginAs(page, 'district_admin');
	const routes = await crawl(page, 'district_admin', 'district');
	// The lists of the issue were all reached.
	for (const r of [
		'/staff/feedback',
		'/staff/merchants',
		'/staff/admin/audit',
		'/staff/merchants/:id'
	])
		expect(routes).toContain(r);
});

test('every staff page fits a 360 px phone, as a town officer', async ({ page }) => {
	test.setTimeout(300_000);
	await loginAs(page, 'town_officer', ['zhongshan']);
	const routes = await crawl(page, 'town_officer', 'town');
	for (const r of ['/staff/events', '/staff/inspections', '/staff/campaign/enterprises'])
		expect(routes).toContain(r);
});

test('a list is cards on a phone: heading, status badge, then label and value lines', async ({
	page
}) => {
	await loginAs(page, 'district_admin');
	await page.goto('/staff/merchants');
	const row = page.locator('.table-cards tbody tr').first();
	await expect(row).toBeVisible();
	const cells = await row.evaluate((tr) =>
		[...tr.children].map((td) => ({
			before:
				getComputedStyle(td, '::before').display === 'none'
					? 'none'
					: getComputedStyle(td, '::before').content,
			order: getComputedStyle(td).order,
			text: (td as HTMLElement).innerText.trim()
		}))
	);
	// 商户 heads the card (no label), 等级 is the badge beside it, the rest carry their labels.
	expect(cells[0]).toMatchObject({ before: 'none', order: '-2' });
	expect(cells[3]).toMatchObject({ before: 'none', order: '-1' });
	expect(cells[1].before).toBe('"示范街"');
	expect(cells[4].before).toBe('"动态分"');
	// The header row is there for screen readers only; the link still goes to the merchant.
	await expect(page.locator('.table-cards thead')).toHaveCSS('position', 'absolute');
	await row.locator('a').first().click();
	await expect(page).toHaveURL(/\/staff\/merchants\/\d+$/);

	// The header is one compact row; its menu opens the areas and the account links.
	await expect(page.getByRole('navigation', { name: '工作台导航' })).toBeHidden();
	await page.getByRole('button', { name: '菜单' }).click();
	await expect(page.getByRole('navigation', { name: '工作台导航' })).toBeVisible();
	await expect(page.getByRole('link', { name: '我的账号' })).toBeVisible();
	await page
		.getByRole('navigation', { name: '工作台导航' })
		.getByRole('link', { name: '宣传教育', exact: true })
		.click();
	await expect(page).toHaveURL(/\/staff\/events$/);
	await expect(page.getByRole('navigation', { name: '工作台导航' })).toBeHidden();
	const bar = await page.locator('.staff-header .bar').boundingBox();
	expect(bar!.height).toBeLessThan(64);
});

test('tables stay tables on a wide screen', async ({ browser }) => {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await ctx.newPage();
	await loginAs(page, 'district_admin');
	await page.goto('/staff/merchants');
	await expect(page.locator('.table-cards thead')).toHaveCSS('position', 'static');
	await expect(page.locator('.table-cards tbody tr').first()).toHaveCSS('display', 'table-row');
	await ctx.close();
});

test('a draft standard can be edited on a phone: each item is a card of its fields', async ({
	page
}) => {
	// The demo data has no draft: start one (the crawl never meets this editor otherwise).
	await loginAs(page, 'district_admin');
	await page.goto('/staff/admin/standards');
	await page.getByRole('button', { name: '新建版本' }).first().click();
	await expect(page).toHaveURL(/\/staff\/admin\/standards\/\d+$/);
	await expect(page.getByRole('button', { name: '保存草稿' })).toBeVisible();
	await check(page, new URL(page.url()).pathname, 'district_staff_admin_standards_draft');
	// Every field of the first item is on the screen, beside its label.
	for (const name of ['第 1 项编号', '第 1 项检查内容', '第 1 项分值', '第 1 项一票否决']) {
		const box = (await page.getByLabel(name, { exact: true }).boundingBox())!;
		expect(box.x, name).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width, name).toBeLessThanOrEqual(360);
	}
	const remove = (await page
		.getByRole('button', { name: '删除', exact: true })
		.first()
		.boundingBox())!;
	expect(remove.x + remove.width).toBeLessThanOrEqual(360);
	// Left as it was found.
	await page.getByRole('button', { name: '删除草稿' }).click();
	await expect(page).toHaveURL(/\/staff\/admin\/standards$/);
});

test("a town officer's report, once sent, goes back to the officer's own reports", async ({
	page
}) => {
	await loginAs(page, 'town_officer', ['zhongshan']);
	await page.goto('/staff/plan/reports');
	await page.locator('main a[href^="/staff/plan/reports/"]:not([href*="/files/"])').first().click();
	await expect(page).toHaveURL(/\/staff\/plan\/reports\/\d+\/\d{4}-/);
	if (await page.getByRole('button', { name: '报送', exact: true }).isVisible()) {
		await page.getByLabel('工作进展').fill('本期开展诚信宣传活动两次。');
		await page.getByRole('button', { name: '报送', exact: true }).click();
		await expect(page.getByText('已报送，等待区级审核')).toBeVisible();
	}
	// Read-only now; its back link is a page the officer may open.
	await expect(page.getByRole('button', { name: '报送', exact: true })).toHaveCount(0);
	await page.getByRole('link', { name: '返回', exact: true }).click();
	await expect(page).toHaveURL(/\/staff\/plan\/reports\?year=\d{4}$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('工作进展报送');
});
