import { expect, test, type APIRequestContext } from '@playwright/test';
import { createUser } from '../helpers';

/** Logs in through the real form post and returns a request context carrying the cookie. */
async function session(request: APIRequestContext, username: string, password: string) {
	const res = await request.post('/login', {
		form: { username, password },
		headers: { origin: process.env.E2E_ORIGIN!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
	const cookie = res.headers()['set-cookie'];
	expect(cookie).toMatch(/cx_session=/);
	expect(cookie).toMatch(/HttpOnly/i);
	expect(cookie).toMatch(/SameSite=Lax/i);
	return cookie.split(';')[0];
}

const adminPages = [
	'/staff/admin/users',
	'/staff/admin/users/new',
	'/staff/admin/users/1',
	'/staff/admin/audit',
	'/staff/admin/towns'
];

test('anonymous visitors are sent to the login page from staff pages', async ({ request }) => {
	for (const path of ['/staff', '/staff/account', ...adminPages]) {
		const res = await request.get(path, { maxRedirects: 0 });
		expect(res.status(), path).toBe(303);
		expect(res.headers().location, path).toBe(`/login?next=${encodeURIComponent(path)}`);
	}
});

for (const role of ['town_officer', 'inspector'] as const) {
	test(`a ${role} gets 403 on user management and the audit log`, async ({ request }) => {
		const u = createUser(role, ['sijing']);
		const cookie = await session(request, u.username, u.password);
		const headers = { cookie, origin: process.env.E2E_ORIGIN! };
		for (const path of adminPages) {
			const res = await request.get(path, { headers, maxRedirects: 0 });
			expect(res.status(), path).toBe(403);
			expect(await res.text()).toContain('没有权限');
		}
		const actions: [string, Record<string, string>][] = [
			[
				'/staff/admin/users/new?/create',
				{ username: 'sneaky', displayName: 'x', role: 'district_admin' }
			],
			['/staff/admin/users/1?/resetPassword', {}],
			['/staff/admin/users/1?/disable', {}],
			['/staff/admin/users/1?/update', { displayName: 'x', role: 'district_admin' }],
			['/staff/admin/towns?/create', { name: '新镇', slug: 'xinzhen', kind: 'town' }]
		];
		for (const [path, form] of actions) {
			const res = await request.post(path, {
				headers: { ...headers, accept: 'application/json', 'x-sveltekit-action': 'true' },
				form,
				maxRedirects: 0
			});
			const body = await res.text();
			expect(res.status() === 403 || body.includes('"status":403'), `${path}: ${body}`).toBe(true);
		}
	});
}

test('disabling a user ends their session at once', async ({ request, browser }) => {
	const officer = createUser('town_officer', ['sijing']);
	const cookie = await session(request, officer.username, officer.password);
	const res1 = await request.get('/staff', { headers: { cookie }, maxRedirects: 0 });
	expect(res1.status()).toBe(200);

	const adminContext = await browser.newContext();
	const page = await adminContext.newPage();
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel('用户名').fill('admin');
	await page.getByLabel('密码').fill(process.env.E2E_ADMIN_PASSWORD!);
	await page.getByRole('button', { name: '登录' }).click();
	// Navigating away before the login response arrives would drop its session cookie.
	await expect(page).toHaveURL(/\/staff/);
	await page.goto('/staff/admin/users');
	await page
		.getByRole('row', { name: officer.username })
		.getByRole('link', { name: '编辑' })
		.click();
	await page.getByRole('button', { name: '停用账号' }).click();
	await expect(page.getByText('已停用，该用户的登录已全部失效')).toBeVisible();
	await adminContext.close();

	const res2 = await request.get('/staff', { headers: { cookie }, maxRedirects: 0 });
	expect(res2.status()).toBe(303);
	const again = await request.post('/login', {
		form: { username: officer.username, password: officer.password },
		headers: { origin: process.env.E2E_ORIGIN!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(await again.text()).toContain('已停用');
});

test('a cross-origin form post is refused', async ({ request }) => {
	const res = await request.post('/login', {
		form: { username: 'admin', password: 'whatever-it-is' },
		headers: { origin: 'https://evil.example' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(403);
});

test('security headers and health check', async ({ request }) => {
	const res = await request.get('/');
	const h = res.headers();
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(h['content-security-policy']).toContain("default-src 'self'");
	const health = await request.get('/healthz');
	expect(await health.json()).toEqual({ ok: true, worker: 0 });
});
