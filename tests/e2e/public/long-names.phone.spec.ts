import { expect, test, type Page } from '@playwright/test';
import { loginAsAdmin } from '../helpers';
import { busiestStreet, mapData } from './fixtures';
import { fakeUscc } from '../../../src/lib/server/testing/factories';

/*
 * Names arrive from spreadsheets as they were typed: a run of letters with no break point must
 * wrap on a phone rather than push the page sideways.
 */

const LONG = 'ЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя';

async function fits(page: Page, url: string) {
	await page.goto(url);
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(wide, `${url} scrolls sideways`).toBeLessThanOrEqual(360);
}

test('a merchant whose name has no break point still fits a phone, staff and public pages', async ({
	page,
	request
}) => {
	// not on the busiest street, which the map's tests read
	const data = await mapData(request);
	const busiest = busiestStreet(data).id;
	const quiet = data.streets.find((s) => s[0] !== busiest)!;
	await page.setViewportSize({ width: 360, height: 740 });
	await loginAsAdmin(page);
	await page.goto('/staff/merchants/new');
	await page.getByLabel('商户名称').fill(LONG);
	await page.getByLabel('统一社会信用代码').fill(fakeUscc(7_300_000 + (Date.now() % 90_000)));
	await page.getByLabel('所在示范街').selectOption(String(quiet[0]));
	await page.getByLabel('经营地址').fill(`${LONG}路1号`);
	await page.getByRole('button', { name: '保存商户' }).click();
	await expect(page).toHaveURL(/\/staff\/merchants\/\d+$/);
	const id = /\/staff\/merchants\/(\d+)$/.exec(page.url())![1];
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(LONG);

	await fits(page, `/staff/merchants/${id}`);
	await fits(page, `/staff/merchants?q=${encodeURIComponent(LONG.slice(0, 6))}`);
	await fits(page, `/merchants/${id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(LONG);
});
