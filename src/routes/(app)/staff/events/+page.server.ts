import { requireRole } from '$lib/server/access';
import * as events from '$lib/server/events';
import { uploads } from '$lib/server/files';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, ...events.EVENT_ROLES);
	const { filter, values } = events.readFilter(event.url, u);
	const result = events.list(filter);
	return {
		...result,
		items: result.items.map((e) => ({ ...e, coverUrl: uploads.imageUrl(e.cover, true) })),
		values,
		...events.choices(u),
		isAdmin: u.role === 'district_admin'
	};
};
