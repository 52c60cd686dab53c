import { requireRole } from '$lib/server/access';
import { merchants } from '$lib/server/streets';
import * as users from '$lib/server/users';
import * as forms from '$lib/server/forms';
import { generatePassword } from '$lib/server/auth';
import { createMerchantAccountSchema } from '$lib/schemas/users';
import type { Actions, PageServerLoad } from './$types';

/** Town officers (and district admins) give a merchant its own account; inspectors do not. */
const OFFICE = ['district_admin', 'town_officer'] as const;

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, ...OFFICE);
	const d = merchants.forUser(u, Number(event.params.id));
	return {
		merchant: { id: d.merchant.id, name: d.merchant.name, contactName: d.merchant.contactName },
		accounts: users.forMerchant(d.merchant.id)
	};
};

export const actions: Actions = {
	create: async (event) => {
		const u = requireRole(event, ...OFFICE);
		const d = merchants.forUser(u, Number(event.params.id));
		const f = await forms.read(event.request, createMerchantAccountSchema);
		if (!f.ok) return f.failure;
		const password = generatePassword();
		return forms.attempt(f.values, async () => {
			const created = await users.create(u, {
				...f.data,
				password,
				role: 'merchant',
				townIds: [],
				merchantIds: [d.merchant.id]
			});
			return { created: { id: created.id, username: created.username }, password };
		});
	}
};
