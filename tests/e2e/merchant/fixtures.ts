import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { createUser } from '../helpers';
import { mapData } from '../public/fixtures';

/**
 * Rated demo merchants with their town's slug, consumers' limits cleared (other specs post
 * feedback from the same address).
 */
export async function ratedMerchants(request: APIRequestContext) {
	clearFeedbackLimits();
	const data = await mapData(request);
	const townOf = new Map(data.streets.map((s) => [s[0], s[1]]));
	const slugOf = new Map(data.towns.map((t) => [t[0], t[1]]));
	return data.merchants
		.filter((m) => m[5] !== 'n')
		.map((m) => ({ id: m[0], name: m[2], town: slugOf.get(townOf.get(m[1])!)! }));
}

/** Whether the public merchant page claims a signed commitment. */
export async function claimsSigned(request: APIRequestContext, id: number) {
	return (await (await request.get(`/merchants/${id}`)).text()).includes('已签署诚信经营承诺');
}

/** A merchant account through the operators' CLI, as `user add --role merchant --merchant ID`. */
export function createMerchantUser(merchantIds: number[]) {
	return createUser(
		'merchant',
		[],
		process.env.E2E_DATABASE_URL,
		merchantIds.flatMap((id) => ['--merchant', String(id)])
	);
}

export async function loginMerchant(page: Page, username: string, password: string) {
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL(/\/merchant$/);
}

function database() {
	return new Database(process.env.E2E_DATABASE_URL!);
}

/** Other specs post feedback from the same address: start this one's consumers afresh. */
export function clearFeedbackLimits() {
	const db = database();
	db.prepare("DELETE FROM rate_hit WHERE bucket LIKE 'feedback.%'").run();
	db.close();
}

/** Backdates the feedback of a receipt, as if it had waited `days` days. */
export function backdateReceipt(receiptNo: string, days: number) {
	const db = database();
	db.prepare(
		'UPDATE feedback SET created_at = ? WHERE id = (SELECT feedback_id FROM feedback_receipt WHERE receipt_no = ?)'
	).run(Date.now() - days * 86_400_000, receiptNo);
	db.close();
}

/** The page does not scroll sideways at the phone's width. */
export async function fitsWidth(page: Page) {
	const [scroll, client] = await page.evaluate(() => [
		document.documentElement.scrollWidth,
		document.documentElement.clientWidth
	]);
	expect(scroll).toBeLessThanOrEqual(client + 1);
}

/** The feedback a receipt stands for, to open it on the officer's side. */
export function feedbackIdOf(receiptNo: string): number {
	const db = database();
	const row = db
		.prepare('SELECT feedback_id AS id FROM feedback_receipt WHERE receipt_no = ?')
		.get(receiptNo) as { id: number };
	db.close();
	return row.id;
}

/** A consumer without JavaScript reports a short weight from the scan page; its receipt. */
export async function submitFeedback(browser: Browser, path: string, body: string) {
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const consumer = await ctx.newPage();
	await consumer.goto(path);
	await consumer.getByText('我要反馈问题').click();
	await consumer.getByLabel('计量/短斤少两').check();
	await consumer.getByLabel('具体情况').fill(body);
	await consumer.getByLabel('联系电话（可不填）').fill('13912345678');
	await consumer.getByRole('button', { name: '提交反馈' }).click();
	const receipt = consumer.getByTestId('receipt');
	await expect(receipt).toContainText(/FK-\d{8}-\d{4}/);
	const receiptNo = /FK-\d{8}-\d{4}/.exec((await receipt.textContent())!)![0];
	const link = await receipt.getByRole('link', { name: '查看处理进度' }).getAttribute('href');
	await ctx.close();
	return { receiptNo, link: link! };
}
