import { redirect } from '@sveltejs/kit';
import { loadInScope, requireRole } from '$lib/server/access';
import * as events from '$lib/server/events';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function eventFor(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const e = loadInScope(u, events.get(Number(event.params.id)), (r) => r.townId, '活动不存在');
	return { u, e };
}

export const load: PageServerLoad = (event) => {
	const { e } = eventFor(event);
	return {
		event: e,
		reach: events.extras.of(e.id),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	delete: async (event) => {
		const { u, e } = eventFor(event);
		events.remove(u, e.id);
		redirect(303, '/staff/events');
	}
};
