import { error, redirect } from '@sveltejs/kit';
import { requireRole, requireTown } from '$lib/server/access';
import * as events from '$lib/server/events';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const e = events.get(Number(event.params.id));
	if (!e) error(404, '活动不存在');
	requireTown(u, e.townId);
	return { event: e, saved: event.url.searchParams.has('saved') };
};

export const actions: Actions = {
	delete: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const e = events.get(Number(event.params.id));
		if (!e) error(404, '活动不存在');
		requireTown(u, e.townId);
		events.remove(u, e.id);
		redirect(303, '/staff/events');
	}
};
