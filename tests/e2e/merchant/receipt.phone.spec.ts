import { expect, test } from '@playwright/test';
import { loginAs } from '../helpers';
import { scanPath } from '../public/fixtures';
import {
	createMerchantUser,
	feedbackIdOf,
	fitsWidth,
	loginMerchant,
	ratedMerchants
} from './fixtures';

test('a consumer on a phone keeps the receipt link and reads the decision there', async ({
	page,
	browser,
	request
}) => {
	const rated = await ratedMerchants(request);
	const shop = rated[1];
	const path = await scanPath(request, shop.id);

	await page.goto(path);
	await fitsWidth(page);
	// Large text, with the same switch as the other public pages.
	await page.getByRole('link', { name: '大字模式' }).click();
	await expect(page.locator('html')).toHaveClass(/large-text/);
	await expect(page.getByRole('link', { name: '标准字号' })).toBeVisible();
	await fitsWidth(page);

	// A failed submit keeps what was typed.
	await page.getByText('我要反馈问题').click();
	await page.getByLabel('价格').check();
	await page.getByLabel('具体情况').fill('太贵');
	await page.getByLabel('联系电话（可不填）').fill('13712345678');
	await page.getByRole('button', { name: '提交反馈' }).click();
	await expect(page.getByText(/至少 5 个字/)).toBeVisible();
	await expect(page.getByLabel('联系电话（可不填）')).toHaveValue('13712345678');
	await page.getByLabel('具体情况').fill('菜价牌写每斤八元，结账按每斤十元收。');
	await page.getByRole('button', { name: '提交反馈' }).click();
	const receipt = page.getByTestId('receipt');
	await expect(receipt).toContainText(/FK-\d{8}-\d{4}/);
	const receiptNo = /FK-\d{8}-\d{4}/.exec((await receipt.textContent())!)![0];
	const link = (await receipt.getByRole('link', { name: '查看处理进度' }).getAttribute('href'))!;
	expect(link).toMatch(/^\/feedback\/[a-z2-7]{20,}$/);
	await fitsWidth(page);

	await page.goto(link);
	await expect(page.getByTestId('receipt-no')).toHaveText(receiptNo);
	await expect(page.getByTestId('receipt-status')).toHaveText('待核实');
	await expect(page.getByText('13712345678')).toHaveCount(0);
	await fitsWidth(page);

	// The officer decides, with an answer for the consumer; the full phone is one click away.
	const octx = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const op = await octx.newPage();
	await loginAs(op, 'town_officer', [shop.town]);
	await op.goto(`/staff/feedback/${feedbackIdOf(receiptNo)}`);
	await expect(op.getByText('137****5678')).toBeVisible();
	await op.getByRole('button', { name: '显示完整号码回电' }).click();
	await expect(op.getByRole('link', { name: '13712345678' })).toBeVisible();
	await op.getByLabel('已调解').check();
	await op.getByLabel('核实情况和处理意见（仅工作人员可见）').fill('约谈商户，当场退还差价');
	await op.getByLabel(/给反馈人的答复/).fill('已约谈商户并退还差价，感谢您的监督。');
	await op.getByRole('button', { name: '提交核实结果' }).click();
	await expect(op.getByText(/已记录核实结果/)).toBeVisible();
	await octx.close();

	await page.reload();
	await expect(page.getByTestId('receipt-status')).toHaveText('已调解');
	await expect(page.getByTestId('receipt-answer')).toHaveText(
		'已约谈商户并退还差价，感谢您的监督。'
	);
});

test('a merchant’s pages fit a phone', async ({ page, request }) => {
	const rated = await ratedMerchants(request);
	const shops = [rated[2].id, rated[3].id];
	const { username, password } = createMerchantUser(shops);
	await loginMerchant(page, username, password);
	await expect(page.locator('.shops > li')).toHaveCount(2);
	await fitsWidth(page);
	await page.goto(`/merchant/${shops[0]}`);
	await fitsWidth(page);
	// Signing keeps the name typed when the box is not ticked.
	if (await page.getByLabel('签署人姓名').count()) {
		await page.getByLabel('签署人姓名').fill('陈店长');
		await page.getByRole('button', { name: '签署承诺' }).click();
		await expect(page.getByText('请先阅读并勾选')).toBeVisible();
		await expect(page.getByLabel('签署人姓名')).toHaveValue('陈店长');
		await page.getByLabel(/我已阅读并承诺遵守/).check();
		await page.getByRole('button', { name: '签署承诺' }).click();
		await expect(page.getByText('已签署诚信经营承诺和自律公约')).toBeVisible();
	}
	await expect(page.locator('#commitment')).toContainText('已于');
});
