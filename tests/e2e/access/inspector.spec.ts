import { expect, test } from '@playwright/test';
import { createUser, login, loginAsAdmin } from '../helpers';

test('an inspector gets inspections only: no plaques, QR files, print sheets or instrument changes', async ({
	page,
	browser
}) => {
	// A merchant of 中山街道 with a plaque, and its serial, as the district sees it.
	const admin = await browser.newPage();
	await loginAsAdmin(admin);
	const list = await (await admin.request.get('/api/v1/merchants?town=zhongshan')).json();
	let found: { id: number; serial: string } | undefined;
	for (const m of list.items as { id: number }[]) {
		await admin.goto(`/staff/merchants/${m.id}/badge`);
		const serial = (await admin.locator('body').textContent())?.match(/SJ-\d{4}-\d{6}/)?.[0];
		if (serial) {
			found = { id: m.id, serial };
			break;
		}
	}
	expect(found, 'a merchant with a plaque in 中山街道').toBeTruthy();
	const { id, serial } = found!;
	expect((await admin.request.get(`/staff/badges/${serial}/qr.png`)).status()).toBe(200);
	await admin.close();

	const inspector = createUser('inspector', ['zhongshan']);
	await login(page, inspector.username, inspector.password);
	await expect(page.getByRole('link', { name: '检查评审' }).first()).toBeVisible();
	await expect(page.getByRole('link', { name: '牌匾与扫码' })).toHaveCount(0);

	await page.goto(`/staff/merchants/${id}`);
	await expect(page.getByRole('button', { name: '开始检查评审' })).toBeVisible();
	await expect(page.getByRole('link', { name: /牌匾与扫码/ })).toHaveCount(0);
	await expect(page.getByText('登记计量器具')).toHaveCount(0);
	await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0);

	for (const path of [
		'/staff/badges',
		'/staff/badges/flagged',
		`/staff/merchants/${id}/badge`,
		`/staff/merchants/${id}/print`,
		`/staff/badges/${serial}/qr.png`,
		`/staff/badges/${serial}/qr.svg`
	]) {
		const res = await page.request.get(path, { maxRedirects: 0 });
		expect(res.status(), path).toBe(403);
	}
	const headers = {
		origin: process.env.E2E_ORIGIN!,
		accept: 'application/json',
		'x-sveltekit-action': 'true'
	};
	const add = await page.request.post(`/staff/merchants/${id}?/addInstrument`, {
		form: { type: 'price_scale', serial: `E2E-${Date.now()}` },
		headers
	});
	expect(await add.text()).toContain('没有权限');
});
