import { requireAdmin, visibleTowns } from '$lib/server/access';
import * as users from '$lib/server/users';
import * as plan from '$lib/server/plan';
import * as forms from '$lib/server/forms';
import { checkPasswordStrength, generatePassword } from '$lib/server/auth';
import { createUserSchema } from '$lib/schemas/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireAdmin(event);
	return {
		towns: visibleTowns(u).map((t) => ({ id: t.id, name: t.name })),
		departments: plan.departments.choices()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireAdmin(event);
		const f = await forms.read(event.request, createUserSchema, { lists: ['townIds'] });
		if (!f.ok) return f.failure;
		const input = f.data;
		const generated = input.password === '';
		const password = generated ? generatePassword() : input.password;
		const weak = checkPasswordStrength(password, input.username);
		if (weak) return forms.invalid(f.values, { password: weak });
		return forms.attempt(f.values, async () => {
			const created = await users.create(actor, { ...input, password });
			return {
				created: { id: created.id, username: created.username },
				password: generated ? password : null
			};
		});
	}
};
