import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import type { Role } from '../../src/lib/roles';

let n = 0;

/** Creates a user through the operators' CLI on the server's own database. */
export function createUser(
	role: Role,
	towns: string[] = [],
	databaseUrl = process.env.E2E_DATABASE_URL,
	/** A merchant account's shops. */
	merchantIds: number[] = []
) {
	n += 1;
	const username = `${role.replace('_', '')}${n}${Date.now() % 100000}`;
	const password = `E2e-password-${n}-${Date.now()}`;
	execFileSync(
		process.execPath,
		[
			'scripts/cli.js',
			'user',
			'add',
			'--username',
			username,
			'--password',
			password,
			'--role',
			role,
			...towns.flatMap((t) => ['--town', t]),
			...merchantIds.flatMap((id) => ['--merchant', String(id)])
		],
		{ env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'pipe' }
	);
	return { username, password };
}

export async function login(page: Page, username: string, password: string) {
	// Wait for hydration: a field typed into before it can be cleared by the page taking over.
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL(/\/staff/);
}

export async function loginAsAdmin(page: Page) {
	await login(page, 'admin', process.env.E2E_ADMIN_PASSWORD!);
}

/** One login helper per role; officers and inspectors default to 佘山镇. */
export async function loginAs(page: Page, role: Role, towns: string[] = ['sheshan']) {
	const u = createUser(role, role === 'district_admin' ? [] : towns);
	await login(page, u.username, u.password);
	return u;
}
