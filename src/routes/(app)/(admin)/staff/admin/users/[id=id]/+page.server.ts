import { error } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access';
import * as users from '$lib/server/users';
import * as towns from '$lib/server/towns';
import { generatePassword } from '$lib/server/auth';
import { updateUserSchema } from '$lib/schemas/users';
import { fieldErrors, formValues } from '$lib/schemas';
import { invalid, type FormValues } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const u = users.getById(Number(event.params.id));
	if (!u) error(404, '用户不存在');
	return {
		account: {
			id: u.id,
			username: u.username,
			displayName: u.displayName,
			role: u.role,
			townIds: u.townIds,
			disabled: !!u.disabledAt,
			createdAt: u.createdAt
		},
		towns: towns.list().map((t) => ({ id: t.id, name: t.name }))
	};
};

function userError(e: unknown, values: FormValues = {}) {
	if (e instanceof users.UserError) return invalid(values, { [e.field ?? '_']: e.message });
	throw e;
}

export const actions: Actions = {
	update: async (event) => {
		const actor = requireAdmin(event);
		const form = await event.request.formData();
		const values = {
			...formValues(form),
			townIds: form.getAll('townIds').map(Number)
		} as FormValues;
		const parsed = updateUserSchema.safeParse(values);
		if (!parsed.success) return invalid(values, fieldErrors(parsed.error));
		try {
			users.update(actor, Number(event.params.id), parsed.data);
		} catch (e) {
			return userError(e, values);
		}
		return { message: '已保存' };
	},
	resetPassword: async (event) => {
		const actor = requireAdmin(event);
		const password = generatePassword();
		try {
			await users.setPassword(actor, Number(event.params.id), password);
		} catch (e) {
			return userError(e);
		}
		return { message: '密码已重置，该用户的登录已全部失效', password };
	},
	disable: (event) => {
		const actor = requireAdmin(event);
		try {
			users.setDisabled(actor, Number(event.params.id), true);
		} catch (e) {
			return userError(e);
		}
		return { message: '已停用，该用户的登录已全部失效' };
	},
	enable: (event) => {
		const actor = requireAdmin(event);
		try {
			users.setDisabled(actor, Number(event.params.id), false);
		} catch (e) {
			return userError(e);
		}
		return { message: '已启用' };
	}
};
