import { expect, test } from '@playwright/test';
import { loginAs, loginAsAdmin } from '../helpers';
import { scanPath } from '../public/fixtures';
import {
	backdateReceipt,
	claimsSigned,
	feedbackIdOf,
	loginMerchant,
	ratedMerchants,
	submitFeedback
} from './fixtures';

test('a merchant signs in, replies, appeals a 属实 deduction and gets the points back', async ({
	page,
	browser,
	request
}) => {
	const rated = await ratedMerchants(request);
	const shop = rated[0];
	const other = rated.find((m) => m.id !== shop.id)!;

	// A town officer makes the account from the merchant's page; a bad username keeps the rest.
	await loginAs(page, 'town_officer', [shop.town]);
	await page.goto(`/staff/merchants/${shop.id}/accounts`);
	await page.getByLabel('用户名').fill('x');
	await page.getByLabel('负责人姓名').fill('张店长');
	await page.getByRole('button', { name: '创建账号并生成初始密码' }).click();
	await expect(page.getByText('用户名至少 3 个字符')).toBeVisible();
	await expect(page.getByLabel('负责人姓名')).toHaveValue('张店长');
	const username = `shop${Date.now() % 100000}`;
	await page.getByLabel('用户名').fill(username);
	await page.getByRole('button', { name: '创建账号并生成初始密码' }).click();
	const password = (await page.getByTestId('password').textContent())!.trim();
	expect(password.length).toBeGreaterThanOrEqual(10);

	// A consumer complains from the scan page.
	const path = await scanPath(request, shop.id);
	const { receiptNo } = await submitFeedback(browser, path, '买了两斤苹果，复称只有一斤八两。');

	// The merchant lands on its home and sees only its own shop.
	const mctx = await browser.newContext();
	const mp = await mctx.newPage();
	await loginMerchant(mp, username, password);
	await expect(mp.getByRole('heading', { name: '我的门店' })).toBeVisible();
	await expect(mp.locator('.shops > li')).toHaveCount(1);
	await expect(mp.locator('.shops')).toContainText(shop.name);
	expect((await mp.goto(`/merchant/${other.id}`))?.status()).toBe(404);
	await mp.goto('/staff/feedback');
	await expect(mp).toHaveURL(/\/merchant$/);

	// It replies in its own words; a too-short reply is refused and kept.
	await mp.goto(`/merchant/${shop.id}`);
	const score0 = Number(await mp.getByTestId('score').textContent());
	const badge0 = await mp.getByTestId('badge-line').textContent();
	const item = mp.locator('[data-testid^="feedback-"]').first();
	await expect(item).toContainText('复称只有一斤八两');
	await expect(mp.locator('#feedback')).not.toContainText('13912345678');
	await item.getByText('回应这条反馈').click();
	await item.getByLabel('本店回应').fill('好');
	await item.getByRole('button', { name: '提交回应' }).click();
	const retry = mp.locator('[data-testid^="feedback-"]').first();
	await expect(retry.getByText('请填写回应内容')).toBeVisible();
	await expect(retry.getByLabel('本店回应')).toHaveValue('好');
	const words = `已联系顾客补足分量并致歉${Date.now() % 1000}`;
	await retry.getByLabel('本店回应').fill(words);
	await retry.getByRole('button', { name: '提交回应' }).click();
	await expect(mp.getByText('回应已提交')).toBeVisible();

	// The officer approves it; the public page shows it.
	await page.goto('/staff/feedback/replies');
	const card = page.locator('section.card', { hasText: words });
	await card.getByLabel('通过，公开显示').check();
	await card.getByRole('button', { name: '提交' }).click();
	await expect(page.getByText('已通过，回应已公开')).toBeVisible();
	const pub = await browser.newContext();
	const pp = await pub.newPage();
	await pp.goto(`/merchants/${shop.id}`);
	await expect(pp.getByText(words).first()).toBeVisible();

	// The officer finds the complaint 属实: points come off.
	await page.goto(`/staff/feedback/${feedbackIdOf(receiptNo)}`);
	await expect(page.getByText(receiptNo)).toBeVisible();
	await page.getByRole('radio', { name: /^属实/ }).check();
	await page.getByRole('button', { name: '提交核实结果' }).click();
	await expect(page.getByText(/已记录核实结果/)).toBeVisible();

	await mp.goto(`/merchant/${shop.id}`);
	expect(Number(await mp.getByTestId('score').textContent())).toBeLessThan(score0);

	// The merchant appeals with a statement; the district admin upholds it.
	await mp.getByLabel('申诉理由').fill('当日电子秤经计量所检定合格，复称时顾客使用的秤不准。');
	await mp.getByRole('button', { name: '提交申诉' }).click();
	await expect(mp.getByText('申诉已提交')).toBeVisible();

	const actx = await browser.newContext();
	const ap = await actx.newPage();
	await loginAsAdmin(ap);
	await ap.goto('/staff/admin/appeals');
	const appeal = ap.locator('section.card', { hasText: shop.name });
	await appeal.getByLabel(/申诉成立/).check();
	await appeal.getByLabel('裁决理由（商户会看到）').fill('检定证书有效，认定撤销');
	await appeal.getByRole('button', { name: '提交' }).click();
	await expect(ap.getByText('已裁决申诉成立')).toBeVisible();

	await mp.goto(`/merchant/${shop.id}`);
	expect(Number(await mp.getByTestId('score').textContent())).toBe(score0);
	await expect(mp.locator('#archive')).toContainText('已因申诉撤销');
	// The badge follows the score back: its line reads as before the deduction.
	await expect(mp.getByTestId('badge-line')).toHaveText(badge0!);
	// A new visitor (public pages may be kept a minute in the browser's cache).
	const later = await browser.newContext();
	const lp = await later.newPage();
	await lp.goto(`/merchants/${shop.id}`);
	await expect(lp.getByText(/申诉成立，撤销/).first()).toBeVisible();
	await expect(lp.locator('.reversed')).toContainText('已因申诉撤销');
	await Promise.all([mctx.close(), pub.close(), actx.close(), later.close()]);
});

test('an officer’s work due lists the overdue feedback the test made', async ({
	page,
	browser,
	request
}) => {
	const rated = await ratedMerchants(request);
	const shop = rated[rated.length - 1];
	const { receiptNo } = await submitFeedback(
		browser,
		await scanPath(request, shop.id),
		'标价每斤十二元，结账按十五元收。'
	);
	backdateReceipt(receiptNo, 12);
	await loginAs(page, 'town_officer', [shop.town]);
	await page.goto('/staff');
	const overdue = page.getByRole('link', { name: /待核实反馈已超过 5 个工作日/ });
	await expect(overdue).toBeVisible();
	await expect(page.locator('.due-count')).toBeVisible();
	await overdue.click();
	await expect(page).toHaveURL(/overdue=1/);
	await expect(page.getByRole('link', { name: shop.name }).first()).toBeVisible();
});

test('the scan page claims a signed commitment only for a merchant that signed', async ({
	page,
	request
}) => {
	const rated = await ratedMerchants(request);
	let unsigned: number | undefined;
	let signed: number | undefined;
	for (const m of rated) {
		if (unsigned && signed) break;
		if (await claimsSigned(request, m.id)) signed ??= m.id;
		else unsigned ??= m.id;
	}
	expect(unsigned && signed).toBeTruthy();
	await page.goto(await scanPath(request, unsigned!));
	await expect(page.locator('.verdict')).toBeVisible();
	await expect(page.getByText('已签署诚信经营承诺')).toHaveCount(0);
	await expect(page.getByTestId('signed-commitment')).toHaveCount(0);
	await page.goto(await scanPath(request, signed!));
	await expect(page.getByTestId('signed-commitment')).toContainText('已签署诚信经营承诺');
});
