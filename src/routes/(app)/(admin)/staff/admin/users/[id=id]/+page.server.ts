import { error } from '@sveltejs/kit';
import { requireAdmin, visibleTowns } from '$lib/server/access';
import * as users from '$lib/server/users';
import * as plan from '$lib/server/plan';
import { generatePassword } from '$lib/server/auth';
import { updateUserSchema } from '$lib/schemas/users';
import * as forms from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const admin = requireAdmin(event);
	const u = users.getById(Number(event.params.id));
	if (!u) error(404, '用户不存在');
	return {
		account: {
			id: u.id,
			username: u.username,
			displayName: u.displayName,
			role: u.role,
			townIds: u.townIds,
			departmentId: u.departmentId ?? null,
			disabled: !!u.disabledAt,
			createdAt: u.createdAt
		},
		towns: visibleTowns(admin).map((t) => ({ id: t.id, name: t.name })),
		departments: plan.departments.choices()
	};
};

export const actions: Actions = {
	update: async (event) => {
		const actor = requireAdmin(event);
		const f = await forms.read(event.request, updateUserSchema, { lists: ['townIds'] });
		if (!f.ok) return f.failure;
		return forms.attempt(f.values, () => {
			users.update(actor, Number(event.params.id), f.data);
			return { message: '已保存' };
		});
	},
	resetPassword: async (event) => {
		const actor = requireAdmin(event);
		const password = generatePassword();
		return forms.attempt({}, async () => {
			await users.setPassword(actor, Number(event.params.id), password);
			return { message: '密码已重置，该用户的登录已全部失效', password };
		});
	},
	disable: (event) => {
		const actor = requireAdmin(event);
		return forms.attempt({}, () => {
			users.setDisabled(actor, Number(event.params.id), true);
			return { message: '已停用，该用户的登录已全部失效' };
		});
	},
	enable: (event) => {
		const actor = requireAdmin(event);
		return forms.attempt({}, () => {
			users.setDisabled(actor, Number(event.params.id), false);
			return { message: '已启用' };
		});
	}
};
