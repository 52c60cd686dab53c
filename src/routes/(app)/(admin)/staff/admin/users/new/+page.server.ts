import { requireAdmin } from '$lib/server/access';
import * as users from '$lib/server/users';
import * as towns from '$lib/server/towns';
import { checkPasswordStrength, generatePassword } from '$lib/server/auth';
import { createUserSchema } from '$lib/schemas/users';
import { fieldErrors, formValues } from '$lib/schemas';
import { invalid, type FormValues } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return { towns: towns.list().map((t) => ({ id: t.id, name: t.name })) };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireAdmin(event);
		const form = await event.request.formData();
		const values = {
			...formValues(form),
			townIds: form.getAll('townIds').map(Number)
		} as FormValues;
		const parsed = createUserSchema.safeParse({ ...values, password: form.get('password') ?? '' });
		if (!parsed.success) return invalid(values, fieldErrors(parsed.error));
		const input = parsed.data;
		const generated = input.password === '';
		const password = generated ? generatePassword() : input.password;
		const weak = checkPasswordStrength(password, input.username);
		if (weak) return invalid(values, { password: weak });
		try {
			const created = await users.create(actor, { ...input, password });
			return {
				created: { id: created.id, username: created.username },
				password: generated ? password : null
			};
		} catch (e) {
			if (e instanceof users.UserError) return invalid(values, { [e.field ?? '_']: e.message });
			throw e;
		}
	}
};
