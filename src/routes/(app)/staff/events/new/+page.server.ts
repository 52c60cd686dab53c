import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access';
import * as events from '$lib/server/events';
import * as forms from '$lib/server/forms';
import * as submissions from '$lib/server/submissions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, ...events.EVENT_ROLES);
	return {
		...events.choices(u),
		extras: events.extras.choices(u),
		values: events.newValues(u),
		photos: []
	};
};

export const actions: Actions = {
	create: async (event) => {
		const u = requireRole(event, ...events.EVENT_ROLES);
		// An event logged on a phone may arrive twice (queued offline, sent again after a dropped
		// answer): its key makes one event.
		let key: string | null;
		try {
			key = submissions.keyOf(await event.request.clone().formData());
		} catch (e) {
			if (e instanceof forms.DomainError) return forms.invalid({}, { _: e.message });
			throw e;
		}
		if (key) {
			const c = submissions.claim(u, 'event', key);
			if (c.state === 'done') redirect(303, `/staff/events/${c.recordId}?saved=1`);
			if (c.state === 'pending')
				return forms.invalid({}, { _: '这条活动正在上传，请稍候刷新查看' }, 409);
		}
		let saved: Awaited<ReturnType<typeof events.saveEvent>>;
		try {
			saved = await events.saveEvent(event.request, u);
		} catch (e) {
			if (key) submissions.release(key);
			throw e;
		}
		if (!saved.ok) {
			if (key) submissions.release(key);
			return saved.failure;
		}
		if (key) submissions.settle(key, saved.id);
		redirect(303, `/staff/events/${saved.id}?saved=1`);
	}
};
