import { redirect } from '@sveltejs/kit';
import { requireRole, requireTown } from '$lib/server/access';
import * as events from '$lib/server/events';
import { choices, newValues, readEventForm } from '$lib/server/events';
import { invalid } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	return { ...choices(u), values: newValues(u) };
};

export const actions: Actions = {
	create: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const read = await readEventForm(event);
		if (!read.ok) return invalid(read.values, read.errors);
		requireTown(u, read.input.townId);
		let id: number;
		try {
			id = events.create(u, read.input, read.photos).id;
		} catch (e) {
			if (e instanceof events.EventError)
				return invalid(read.values, { [e.field ?? '_']: e.message });
			throw e;
		}
		redirect(303, `/staff/events/${id}?saved=1`);
	}
};
