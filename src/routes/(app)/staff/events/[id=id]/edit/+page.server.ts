import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access';
import * as events from '$lib/server/events';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function eventFor(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const u = requireRole(event, ...events.EVENT_ROLES);
	const e = events.eventFor(u, Number(event.params.id), true);
	return { u, e };
}

export const load: PageServerLoad = (event) => {
	const { u, e } = eventFor(event);
	return {
		...events.choices(u),
		extras: events.extras.choices(u),
		id: e.id,
		values: events.valuesOf(e),
		photos: e.photos.map((p) => ({ id: p.id, small: p.small }))
	};
};

export const actions: Actions = {
	update: async (event) => {
		const { u, e } = eventFor(event);
		const saved = await events.saveEvent(event.request, u, e.id);
		if (!saved.ok) return saved.failure;
		redirect(303, `/staff/events/${e.id}?saved=1`);
	}
};
