import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access';
import * as events from '$lib/server/events';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function eventFor(event: RequestEvent | Parameters<PageServerLoad>[0], write = false) {
	const u = requireRole(event, ...events.EVENT_ROLES);
	const e = events.eventFor(u, Number(event.params.id), write);
	return { u, e, canEdit: events.canWrite(u, e) };
}

export const load: PageServerLoad = (event) => {
	const { e, canEdit } = eventFor(event);
	return {
		event: e,
		canEdit,
		reach: events.extras.of(e.id),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	delete: async (event) => {
		const { u, e } = eventFor(event, true);
		events.remove(u, e.id);
		redirect(303, '/staff/events');
	}
};
