import { requireAdmin } from '$lib/server/access';
import * as users from '$lib/server/users';
import * as towns from '$lib/server/towns';
import * as plan from '$lib/server/plan';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const names = new Map(towns.list({ includeInactive: true }).map((t) => [t.id, t.name]));
	return {
		users: users.list().map((u) => ({
			id: u.id,
			username: u.username,
			displayName: u.displayName,
			role: u.role,
			disabled: !!u.disabledAt,
			towns: u.departmentId
				? [plan.departments.byId(u.departmentId)?.name ?? '']
				: u.townIds.map((id) => names.get(id) ?? '')
		}))
	};
};
