/**
 * The signed-in user's own account, for every role: the password-change action that the staff
 * and merchant account pages share.
 */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import * as forms from './forms';
import * as users from './users';
import * as auth from './auth';
import type { SessionUser } from './auth/session';
import { passwordChangeSchema } from '../schemas/auth';

/**
 * Checks the current password, sets the new one (argon2id) and ends every other session of the
 * user; this device gets a fresh one. Passwords are never sent back to the page.
 */
export async function changePassword(event: RequestEvent, me: SessionUser, done: string) {
	const form = await event.request.formData().catch(() => null);
	if (!form) return forms.invalid({}, { _: '提交的内容无法读取，请重试' });
	const read = forms.parse(form, passwordChangeSchema);
	if (!read.ok) return forms.invalid({}, read.failure.data.errors);
	const failed = await forms.attempt({}, () => users.changeOwnPassword(me, read.data));
	if (failed) return failed;
	const token = auth.generateSessionToken();
	const session = auth.createSession(token, me.id);
	auth.setSessionCookie(event, token, session.expiresAt);
	redirect(303, done);
}
