import * as badges from '$lib/server/badges';
import * as query from '$lib/server/query';
import { requireCan, requireRole, townScope } from '$lib/server/access';
import * as due from '$lib/server/due';
import * as forms from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireCan(event, 'view', 'badge');
	const q = query.list(event.url, { town: query.town });
	const scope = townScope(u);
	const f = { townId: q.filters.town?.id };
	const items = badges
		.flaggedScans(scope, { ...f, limit: q.limit, offset: q.offset })
		.map((i) => ({ ...i, state: badges.stateToday(i) }));
	const open = new Set(due.unhandledFlags(u).map((i) => i.badgeId));
	return {
		result: query.paged(
			items.map((i) => ({ ...i, handled: !open.has(i.badgeId) })),
			badges.flaggedCount(scope, f),
			q
		)
	};
};

export const actions: Actions = {
	/** The plaque was taken down or checked: off the work-due list until scanned stale again. */
	handled: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer', 'inspector');
		const form = await event.request.formData();
		const values = { badgeId: String(form.get('badgeId') ?? '') };
		const failed = await forms.attempt(values, () => {
			due.markHandled(u, Number(values.badgeId));
		});
		return failed ?? { done: true };
	}
};
