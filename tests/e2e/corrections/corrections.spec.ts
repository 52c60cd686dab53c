import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { loginAs } from '../helpers';
import { scanPath } from '../public/fixtures';
import {
	createMerchantUser,
	feedbackIdOf,
	fitsWidth,
	loginMerchant,
	ratedMerchants,
	submitFeedback
} from '../merchant/fixtures';

function row<T>(sql: string, ...args: unknown[]): T {
	const db = new Database(process.env.E2E_DATABASE_URL!, { readonly: true });
	const r = db.prepare(sql).get(...args) as T;
	db.close();
	return r;
}

const merchantOf = (id: number) =>
	row<{ score: number; lastInspectionId: number }>(
		'SELECT score, last_inspection_id AS lastInspectionId FROM merchant WHERE id = ?',
		id
	);

test('an amended inspection keeps the old version in the archive and the score follows the new one', async ({
	page,
	request
}) => {
	// a shop no other spec uses, with no draft waiting
	const shop = (await ratedMerchants(request))
		.slice(4)
		.find(
			(m) =>
				row<{ n: number }>(
					"SELECT COUNT(*) AS n FROM inspection WHERE merchant_id = ? AND status = 'draft'",
					m.id
				).n === 0
		)!;
	const before = merchantOf(shop.id);
	const old = row<{ total: number }>(
		'SELECT total FROM inspection WHERE id = ?',
		before.lastInspectionId
	);
	await loginAs(page, 'inspector', [shop.town]);
	await page.goto(`/staff/inspections/${before.lastInspectionId}`);
	await page.getByText('更正评审', { exact: true }).click();
	// a reason too short is refused and kept
	await page.getByLabel('更正原因').fill('错');
	await page.getByRole('button', { name: '开始更正' }).click();
	await expect(page.getByText('请写明原因，至少 5 个字')).toBeVisible();
	await expect(page.getByLabel('更正原因')).toHaveValue('错');
	const reason = `第一项计分有误，复核更正${Date.now() % 1000}`;
	await page.getByLabel('更正原因').fill(reason);
	await page.getByRole('button', { name: '开始更正' }).click();
	await expect(page.getByText(`正在更正评审（原因：${reason}）`)).toBeVisible();
	const draftUrl = page.url();
	expect(draftUrl).not.toContain(`/${before.lastInspectionId}`);

	// One item loses its points; the old scores came with the draft.
	const inputs = page.locator('input[type=number]');
	let lost = 0;
	for (let i = 0; !lost; i++) {
		lost = Number(await inputs.nth(i).inputValue());
		if (lost) await inputs.nth(i).fill('0');
	}
	await page.getByRole('button', { name: '提交评审' }).click();
	await expect(page.getByText(`评审已提交：总分 ${old.total - lost}`)).toBeVisible();
	await expect(page.getByTestId(`version-${before.lastInspectionId}`)).toContainText('已更正');

	const after = merchantOf(shop.id);
	expect(after.lastInspectionId).not.toBe(before.lastInspectionId);
	expect(after.score).toBeCloseTo(before.score - lost, 1);

	// The old version stays, marked, with the reason, and links from the staff archive.
	await page.goto(`/staff/merchants/${shop.id}`);
	const original = page.locator('li.is-corrected').first();
	await expect(original).toContainText('已更正');
	await expect(original).toContainText(reason);
	await page.getByRole('link', { name: '查看更正前版本' }).first().click();
	await expect(page.getByText('这份评审已更正，以最新版本为准')).toBeVisible();

	// The public archive shows the original and the correction with its reason.
	const pub = await (await request.get(`/merchants/${shop.id}`)).text();
	expect(pub).toContain('已更正');
	expect(pub).toContain(`更正原因：${reason}`);
	expect(pub).toContain(`${old.total} 分 → ${old.total - lost} 分`);
});

test('a 属实 decision cannot be changed directly: the refusal points to the appeal', async ({
	page,
	browser,
	request
}) => {
	const shop = (await ratedMerchants(request))[1];
	const { receiptNo } = await submitFeedback(
		browser,
		await scanPath(request, shop.id),
		'称重时秤盘上压着东西，少了二两。'
	);
	const id = feedbackIdOf(receiptNo);
	await loginAs(page, 'town_officer', [shop.town]);
	await page.goto(`/staff/feedback/${id}`, { waitUntil: 'networkidle' });
	await page.getByRole('radio', { name: /^属实/ }).check();
	await page.getByLabel('核实情况和处理意见（仅工作人员可见）').fill('现场复称，确实少二两');
	await page.getByRole('button', { name: '提交核实结果' }).click();
	await expect(page.getByText('已记录核实结果')).toBeVisible();
	await expect(page.getByTestId('verified-final')).toContainText('申诉');

	// The form is gone; a hand-made post is refused on the server all the same.
	const res = await page.evaluate(async (path) => {
		const body = new FormData();
		body.set('status', 'unfounded');
		body.set('note', '改判为不属实');
		const r = await fetch(`${path}?/decide`, { method: 'POST', body });
		return { status: r.status, text: await r.text() };
	}, `/staff/feedback/${id}`);
	// the page comes back with the refusal in it (a plain form post renders the page)
	expect(res.status).toBeLessThan(500);
	expect(res.text).toContain('不能再改');
	expect(res.text).toContain('提出申诉');
	expect(row<{ status: string }>('SELECT status FROM feedback WHERE id = ?', id).status).toBe(
		'verified'
	);
});

test('a merchant changes its password: the old one and the other sessions stop working', async ({
	page,
	browser,
	request
}) => {
	const shop = (await ratedMerchants(request))[2];
	const { username, password } = createMerchantUser([shop.id]);
	const other = await browser.newContext();
	const elsewhere = await other.newPage();
	await loginMerchant(elsewhere, username, password);

	await page.setViewportSize({ width: 360, height: 740 });
	await loginMerchant(page, username, password);
	await page.getByRole('link', { name: '修改密码' }).click();
	await expect(page.getByRole('heading', { name: '我的账号' })).toBeVisible();
	await fitsWidth(page);
	const next = `Shop-new-pass-${Date.now()}`;
	await page.getByLabel('当前密码').fill('not-my-password');
	await page.getByLabel('新密码', { exact: true }).fill(next);
	await page.getByLabel('再次输入新密码').fill(next);
	await page.getByRole('button', { name: '修改密码' }).click();
	await expect(page.getByText('当前密码不正确')).toBeVisible();
	await page.getByLabel('当前密码').fill(password);
	await page.getByLabel('新密码', { exact: true }).fill(next);
	await page.getByLabel('再次输入新密码').fill(next);
	await page.getByRole('button', { name: '修改密码' }).click();
	await expect(page.getByText('密码已修改，其他设备上的登录已退出')).toBeVisible();
	// this device stays signed in; the other one is out
	await page.goto('/merchant');
	await expect(page).toHaveURL(/\/merchant$/);
	await elsewhere.goto('/merchant');
	await expect(elsewhere).toHaveURL(/\/login/);
	await other.close();

	await page.getByRole('button', { name: '退出登录' }).click();
	await expect(page).toHaveURL(/\/login/);
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL(/\/login/);
	await expect(page.getByRole('alert')).toBeVisible();
	await loginMerchant(page, username, next);
});
