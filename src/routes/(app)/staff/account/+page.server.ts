import { redirect } from '@sveltejs/kit';
import * as forms from '$lib/server/forms';
import { requireUser } from '$lib/server/access';
import * as users from '$lib/server/users';
import * as auth from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
};

export const actions: Actions = {
	changePassword: async (event) => {
		const me = requireUser(event);
		const form = await event.request.formData();
		const current = String(form.get('current') ?? '');
		const next = String(form.get('next') ?? '');
		const confirm = String(form.get('confirm') ?? '');
		const account = users.getByUsername(me.username);
		if (!account || !(await auth.verifyPassword(account.passwordHash, current)))
			return forms.invalid({}, { current: '当前密码不正确' });
		const weak = auth.checkPasswordStrength(next, me.username);
		if (weak) return forms.invalid({}, { next: weak });
		if (next !== confirm) return forms.invalid({}, { confirm: '两次输入的新密码不一致' });
		await users.setPassword(me, me.id, next);
		// Every session ended with the change; start a fresh one here.
		const token = auth.generateSessionToken();
		const session = auth.createSession(token, me.id);
		auth.setSessionCookie(event, token, session.expiresAt);
		redirect(303, '/staff/account?changed=1');
	}
};
