import { error, redirect } from '@sveltejs/kit';
import { requireRole, requireTown } from '$lib/server/access';
import * as events from '$lib/server/events';
import { choices, readEventForm, valuesOf } from '$lib/server/events';
import { invalid } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const e = events.get(Number(event.params.id));
	if (!e) error(404, '活动不存在');
	requireTown(u, e.townId);
	return {
		...choices(u),
		id: e.id,
		title: e.title,
		values: valuesOf(e),
		photos: e.photos.map((p) => ({ id: p.id, small: p.small }))
	};
};

export const actions: Actions = {
	update: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const id = Number(event.params.id);
		const e = events.get(id);
		if (!e) error(404, '活动不存在');
		requireTown(u, e.townId);
		const read = await readEventForm(event);
		if (!read.ok) return invalid(read.values, read.errors);
		requireTown(u, read.input.townId);
		try {
			events.update(u, id, read.input, { add: read.photos, remove: read.remove });
		} catch (err) {
			if (err instanceof events.EventError)
				return invalid(read.values, { [err.field ?? '_']: err.message });
			throw err;
		}
		redirect(303, `/staff/events/${id}?saved=1`);
	}
};
