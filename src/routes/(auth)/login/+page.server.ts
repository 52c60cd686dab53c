import { fail, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as users from '$lib/server/users';
import { loginSchema } from '$lib/schemas/auth';
import { safeNext } from '$lib/safe-redirect';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), '/staff'));
};

// Verifying against a real hash when the account does not exist keeps the timing the same.
let dummyHash: Promise<string> | undefined;

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = { username: String(form.get('username') ?? '') };
		const parsed = loginSchema.safeParse({
			username: form.get('username'),
			password: form.get('password')
		});
		if (!parsed.success) return fail(400, { values, message: parsed.error.issues[0].message });
		const { username, password } = parsed.data;

		const client = event.getClientAddress();
		const accountKey = username.toLowerCase();
		// Counted before the password is checked, so concurrent guesses cannot all slip through.
		const wait = auth.beginLogin(accountKey, client);
		if (wait > 0)
			return fail(429, {
				values,
				message: `登录失败次数过多，请 ${auth.formatWait(wait)} 后再试`
			});

		const account = users.getByUsername(username);
		dummyHash ??= auth.hashPassword('not-a-real-password-0');
		const ok = await auth.verifyPassword(account?.passwordHash ?? (await dummyHash), password);
		if (!account || !ok || account.disabledAt) {
			return fail(400, {
				values,
				message: account?.disabledAt && ok ? '该账号已停用，请联系区级管理员' : '用户名或密码不正确'
			});
		}
		auth.loginSucceeded(accountKey, client);

		const token = auth.generateSessionToken();
		const session = auth.createSession(token, account.id);
		auth.setSessionCookie(event, token, session.expiresAt);
		redirect(303, safeNext(event.url.searchParams.get('next'), '/staff'));
	}
};
