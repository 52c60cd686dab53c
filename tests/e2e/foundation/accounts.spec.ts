import { expect, test } from '@playwright/test';
import { login, loginAsAdmin } from '../helpers';

test('first admin creates a town officer, who logs in and out', async ({ page }) => {
	await loginAsAdmin(page);
	await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

	await page.getByRole('link', { name: '用户管理' }).first().click();
	await page.getByRole('link', { name: '新建用户' }).click();
	await page.getByLabel('用户名').fill('sheshan-wang');
	await page.getByLabel('姓名').fill('王晓燕');
	await page.getByLabel('角色').selectOption({ label: '街镇工作人员' });
	await page.getByLabel('佘山镇').check();

	// a common password is refused, and what was typed stays
	await page.getByLabel('初始密码').fill('qwertyuiop');
	await page.getByRole('button', { name: '创建用户' }).click();
	await expect(page.getByRole('alert')).toContainText('过于常见');
	await expect(page.getByLabel('用户名')).toHaveValue('sheshan-wang');
	await expect(page.getByLabel('姓名')).toHaveValue('王晓燕');
	await expect(page.getByLabel('佘山镇')).toBeChecked();

	await page.getByLabel('初始密码').fill('');
	await page.getByRole('button', { name: '创建用户' }).click();
	await expect(page.getByText('已创建用户')).toBeVisible();
	const password = (await page.locator('code.password').textContent())!.trim();
	expect(password.length).toBeGreaterThanOrEqual(12);

	await page.getByRole('button', { name: '退出登录' }).click();
	await expect(page).toHaveURL(/\/login/);

	await login(page, 'sheshan-wang', password);
	await expect(page.getByText('街镇工作人员')).toBeVisible();
	await expect(page.getByText('佘山镇')).toBeVisible();
	// a town officer's navigation has no user management
	await expect(page.getByRole('link', { name: '用户管理' })).toHaveCount(0);

	await page.getByRole('button', { name: '退出登录' }).click();
	// signing out first clears what this officer kept on the device, then posts: wait for it
	await expect(page).toHaveURL(/\/login/);
	await page.goto('/staff');
	await expect(page).toHaveURL(/\/login\?next=%2Fstaff/);
});

test('a wrong password is refused in Chinese and keeps the username', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('用户名').fill('admin');
	await page.getByLabel('密码').fill('not-the-password');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确');
	await expect(page.getByLabel('用户名')).toHaveValue('admin');
});

test('error pages are in Chinese', async ({ page }) => {
	const res = await page.goto('/no-such-page');
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
});
