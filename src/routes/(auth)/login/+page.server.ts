import { redirect } from '@sveltejs/kit';
import * as forms from '$lib/server/forms';
import * as auth from '$lib/server/auth';
import * as users from '$lib/server/users';
import * as log from '$lib/server/ops/log';
import { loginSchema } from '$lib/schemas/auth';
import { safeNext } from '$lib/safe-redirect';
import { homeOf, type Role } from '$lib/roles';
import type { Actions, PageServerLoad } from './$types';

/** Where a role goes after signing in: `next` when it lies in the role's own area. */
function landing(role: Role, next: string | null) {
	const home = homeOf(role);
	const to = safeNext(next, home);
	const staffArea = to === '/staff' || to.startsWith('/staff/');
	return role === 'merchant' && staffArea ? home : to;
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, landing(locals.user.role, url.searchParams.get('next')));
};

// Verifying against a real hash when the account does not exist keeps the timing the same.
let dummyHash: Promise<string> | undefined;

export const actions: Actions = {
	default: async (event) => {
		const f = await forms.read(event.request, loginSchema);
		if (!f.ok) return f.failure;
		const { values } = f;
		const { username, password } = f.data;

		const client = auth.clientKey(event.getClientAddress());
		const accountKey = username.toLowerCase();
		// Counted before the password is checked, so concurrent guesses cannot all slip through.
		const gate = auth.beginLogin(accountKey, client);
		if (gate.wait > 0) {
			log.security('login.throttled', event, { account: accountKey, limit: gate.limit });
			return forms.invalid(
				values,
				{ _: `登录失败次数过多，请 ${auth.formatWait(gate.wait)} 后再试` },
				429
			);
		}

		const account = users.getByUsername(username);
		dummyHash ??= auth.hashPassword('not-a-real-password-0');
		const ok = await auth.verifyPassword(account?.passwordHash ?? (await dummyHash), password);
		if (!account || !ok || account.disabledAt) {
			log.security(account?.disabledAt && ok ? 'login.disabled' : 'login.failed', event, {
				account: accountKey
			});
			return forms.invalid(values, {
				_: account?.disabledAt && ok ? '该账号已停用，请联系区级管理员' : '用户名或密码不正确'
			});
		}
		auth.loginSucceeded(accountKey, client);

		const token = auth.generateSessionToken();
		const session = auth.createSession(token, account.id);
		auth.setSessionCookie(event, token, session.expiresAt);
		redirect(303, landing(account.role, event.url.searchParams.get('next')));
	}
};
