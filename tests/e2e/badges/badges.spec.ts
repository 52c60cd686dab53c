import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { loginAs } from '../helpers';

/** Reads the QR in a screenshot, as a phone camera would: from pixels, not from the page's data. */
async function readQr(png: Buffer) {
	const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
	return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
}

async function printStreet(page: Page, street: string) {
	await page.goto('/staff/badges');
	await page
		.getByRole('row', { name: new RegExp(street) })
		.getByRole('link', { name: '打印全街牌匾' })
		.click();
	await expect(
		page.getByRole('heading', { name: new RegExp(`打印牌匾：${street}`) })
	).toBeVisible();
}

test('print a street’s plaques, scan one from the screenshot, leave feedback, verify it, revoke the badge', async ({
	page,
	browser
}) => {
	await loginAs(page, 'town_officer', ['yongfeng']);
	await printStreet(page, '仓城历史文化风貌区');
	const plaque = page.locator('article.plaque').first();
	const name = (await plaque.locator('.name').textContent())!.trim();
	const serial = (await plaque.getAttribute('data-serial'))!;
	expect(serial).toMatch(/^SJ-\d{4}-\d{6}$/);

	const url = await readQr(await plaque.locator('.qr').screenshot());
	expect(url).toMatch(new RegExp(`^${process.env.E2E_ORIGIN}/B/[A-Z2-7]{23}$`));

	// A consumer's phone: no login, no JavaScript.
	const phone = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 360, height: 740 }
	});
	const consumer = await phone.newPage();
	const res = await consumer.goto(url!);
	expect(res?.status()).toBe(200);
	expect(Buffer.byteLength(await res!.text())).toBeLessThan(30_000);
	await expect(consumer.getByRole('heading', { name })).toBeVisible();
	await expect(consumer.locator('.verdict')).toContainText(/诚信经营(模范)?商户/);
	await expect(consumer.getByText(serial)).toBeVisible();

	await consumer.getByText('我要反馈问题').click();
	await consumer.getByLabel('计量/短斤少两').check();
	await consumer.getByLabel('具体情况').fill('买了一斤半核桃，回家复称只有一斤二两。');
	await consumer.getByLabel('联系电话（可不填）').fill('13912345678');
	const photo = await sharp({
		create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 120, b: 40 } }
	})
		.jpeg()
		.toBuffer();
	await consumer
		.getByLabel('照片（可不传）')
		.setInputFiles({ name: '小票.jpg', mimeType: 'image/jpeg', buffer: photo });
	await consumer.getByRole('button', { name: '提交反馈' }).click();
	await expect(consumer.getByText('感谢您的反馈')).toBeVisible();

	// The officer sees it in the town's queue, phone masked, and finds it true.
	await page.goto('/staff/feedback');
	await page
		.getByRole('row', { name: new RegExp(name) })
		.filter({ hasText: '一斤二两' })
		.getByRole('link', { name: '处理' })
		.click();
	await expect(page.getByText('139****5678')).toBeVisible();
	await expect(page.getByText('13912345678')).toHaveCount(0);
	await expect(page.getByRole('img', { name: '消费者上传的照片' })).toBeVisible();
	await page.getByLabel(/属实（扣 \d+ 分）/).check();
	await page.getByLabel('核实情况和处理意见（仅工作人员可见）').fill('到店复称，短少三两，属实。');
	await page.getByRole('button', { name: '提交核实结果' }).click();
	await expect(page.getByText(/已记录核实结果/)).toBeVisible();
	await page.getByLabel('商户回应').fill('电子秤已送检更换，差价已退还顾客。');
	await page.getByRole('button', { name: '保存商户回应' }).click();
	await expect(page.getByText('已保存商户回应')).toBeVisible();

	await consumer.goto(url!);
	await expect(consumer.getByRole('heading', { name: '商户回应' })).toBeVisible();
	await expect(consumer.getByText('电子秤已送检更换，差价已退还顾客。')).toBeVisible();
	await expect(consumer.getByText('以下为商户本人的回应')).toBeVisible();

	// Revoke the badge; the same printed code now says 已撤销, never the old level.
	await page.getByRole('link', { name }).first().click();
	await expect(page.getByRole('heading', { name })).toBeVisible();
	await page.getByText('撤销牌匾（摘牌）').click();
	await page.getByLabel('撤销事由（公开显示）').fill('经计量执法检查，电子秤被改装作弊');
	await page.getByRole('button', { name: '撤销牌匾' }).click();
	await expect(page.getByText('牌匾已撤销')).toBeVisible();

	await consumer.goto(url!);
	await expect(consumer.locator('.verdict')).toContainText('已撤销');
	await expect(consumer.locator('.verdict')).not.toContainText('诚信经营');
	await expect(consumer.getByText('电子秤被改装作弊').first()).toBeVisible();

	// The revoked plaque, still scanned, is flagged to the town.
	await page.goto('/staff/badges/flagged');
	await expect(page.getByRole('row', { name: new RegExp(serial) })).toBeVisible();
	await phone.close();
});

test('a forged code says so and takes a report, with no 500', async ({ page }) => {
	for (const path of ['/B/AAAAAAAAAAAAAAAAAAAAAAB', '/b/not-a-code', '/B/%E4%B8%AD%E6%96%87']) {
		const res = await page.goto(path);
		expect(res?.status(), path).toBe(200);
		await expect(page.getByText('无效二维码，请勿相信此标识')).toBeVisible();
	}
	await page.getByLabel('在哪里看到（店名或地址）').fill('中山中路 999 号某水果店');
	await page.getByRole('button', { name: '提交举报' }).click();
	await expect(page.getByText('已收到您的举报')).toBeVisible();
});

test('QR downloads are for staff of the badge’s town only', async ({ page, request }) => {
	await loginAs(page, 'town_officer', ['yongfeng']);
	await printStreet(page, '仓城历史文化风貌区');
	const serial = (await page.locator('article.plaque').first().getAttribute('data-serial'))!;
	const png = await page.request.get(`/staff/badges/${serial}/qr.png`);
	expect(png.status()).toBe(200);
	expect(png.headers()['content-type']).toBe('image/png');
	expect(await readQr(await png.body())).toMatch(/\/B\/[A-Z2-7]{23}$/);
	const svg = await page.request.get(`/staff/badges/${serial}/qr.svg`);
	expect(await svg.text()).toMatch(/^<svg/);

	const anon = await request.get(`/staff/badges/${serial}/qr.png`, { maxRedirects: 0 });
	expect(anon.status()).toBe(303);
	await page.context().clearCookies();
	await loginAs(page, 'town_officer', ['sheshan']);
	expect((await page.request.get(`/staff/badges/${serial}/qr.png`)).status()).toBe(403);
	await page.goto('/staff/badges');
	await expect(page.getByRole('row', { name: /仓城历史文化风貌区/ })).toHaveCount(0);
});
