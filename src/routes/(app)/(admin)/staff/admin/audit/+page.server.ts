import { requireAdmin } from '$lib/server/access';
import * as audit from '$lib/server/audit';
import * as users from '$lib/server/users';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const l = query.list(event.url, exports.auditLog.filters);
	const { q, filters: f } = l;
	return {
		result: audit.list(audit.filterOf(l)),
		types: audit.entityTypes(),
		users: users.list().map((u) => ({ id: u.id, name: `${u.displayName}（${u.username}）` })),
		filter: {
			q: q ?? '',
			type: f.type ?? '',
			user: f.user ? String(f.user) : '',
			from: f.from ?? '',
			to: f.to ?? ''
		}
	};
};
