import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access';
import * as events from '$lib/server/events';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	return {
		...events.choices(u),
		extras: events.extras.choices(u),
		values: events.newValues(u),
		photos: []
	};
};

export const actions: Actions = {
	create: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const saved = await events.saveEvent(event.request, u);
		if (!saved.ok) return saved.failure;
		redirect(303, `/staff/events/${saved.id}?saved=1`);
	}
};
