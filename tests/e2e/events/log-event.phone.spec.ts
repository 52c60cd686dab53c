import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { loginAs } from '../helpers';

/** A photo as a phone camera would hand it over. */
async function cameraPhoto() {
	return sharp({
		create: { width: 1200, height: 900, channels: 3, background: { r: 200, g: 60, b: 40 } }
	})
		.jpeg()
		.toBuffer();
}

function lastSaturday(now = new Date()) {
	const d = new Date(now.toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
	d.setDate(d.getDate() - ((d.getDay() + 1) % 7 || 7));
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('a town officer logs last Saturday’s 诚信进社区 event with a photo from a phone', async ({
	page
}) => {
	await loginAs(page, 'town_officer', ['sheshan']);
	await page.getByRole('link', { name: '宣传教育活动' }).first().click();
	await page.getByRole('link', { name: '＋ 登记活动' }).click();
	await expect(page.getByRole('heading', { name: '登记宣传教育活动' })).toBeVisible();

	// Their town is already filled in and cannot be changed.
	await expect(page.getByLabel('街镇')).toHaveValue('佘山镇');
	await page.getByLabel('活动主题').selectOption({ label: '诚信进社区' });
	await expect(page.getByLabel('活动名称')).toHaveValue('诚信进社区活动');
	const title = `诚信进社区·月湖睦邻点宣讲 ${Date.now() % 100000}`;
	await page.getByLabel('活动名称').fill(title);
	await page.getByLabel('活动形式').selectOption({ label: '事迹宣讲' });
	await page.getByRole('button', { name: '上周六' }).click();
	await expect(page.getByLabel('活动日期')).toHaveValue(lastSaturday());
	await page.getByLabel('活动地点').fill('佘山镇月湖社区睦邻点');
	await page.getByLabel('参与人数').fill('45');
	await page.getByLabel('活动照片').setInputFiles({
		name: 'IMG_20260606.jpg',
		mimeType: 'image/jpeg',
		buffer: await cameraPhoto()
	});
	await page.getByLabel('活动简介').fill('社区民警和诚信商户代表为居民讲述身边的诚信故事。');

	// Nothing on the form is wider than the screen.
	const widths = await page.evaluate(() => [
		document.documentElement.scrollWidth,
		window.innerWidth
	]);
	expect(widths[0]).toBeLessThanOrEqual(widths[1]);

	await page.getByRole('button', { name: '保存活动' }).click();
	await expect(page.getByText('活动已保存')).toBeVisible({ timeout: 20_000 });
	await expect(page.getByRole('heading', { name: title })).toBeVisible();
	const staffPhoto = page.getByRole('img', { name: `${title}的活动照片` });
	await expect(staffPhoto).toBeVisible();

	// The public events page shows it, with its photo and summary, and it has its own page.
	await page.goto('/events?town=sheshan');
	const card = page.getByRole('article').filter({ hasText: title });
	await expect(card).toBeVisible();
	await expect(card.getByText('社区民警和诚信商户代表')).toBeVisible();
	await expect(card.getByRole('img')).toBeVisible();
	await card.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('45 人')).toBeVisible();
	const photo = page.getByRole('img', { name: `${title}现场照片（1）` });
	await expect(photo).toBeVisible();
	expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});

test('a rejected event form keeps what the officer typed and says what to fix', async ({
	page
}) => {
	await loginAs(page, 'town_officer', ['sheshan']);
	await page.goto('/staff/events/new');
	await page.getByLabel('活动主题').selectOption({ label: '诚信进校园' });
	await page.getByLabel('活动名称').fill('诚信进校园主题班会');
	await page.getByLabel('活动形式').selectOption({ label: '事迹宣讲' });
	await page.getByLabel('参与人数').fill('60');
	await page.getByText('更多信息').click();
	await page.getByLabel('结束日期').fill('2020-01-01');
	await page.getByLabel('结束日期').evaluate((el: HTMLInputElement) => el.removeAttribute('min'));
	await page.getByRole('button', { name: '保存活动' }).click();
	// the form posts through the outbox, which sends a lost request again after a few seconds
	await expect(page.getByText('结束日期不能早于开始日期')).toBeVisible({ timeout: 20_000 });
	await expect(page.getByLabel('活动名称')).toHaveValue('诚信进校园主题班会');
	await expect(page.getByLabel('参与人数')).toHaveValue('60');
});
