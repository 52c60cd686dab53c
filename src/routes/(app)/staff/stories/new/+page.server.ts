import { redirect } from '@sveltejs/kit';
import * as stories from '$lib/server/stories';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = stories.requireStories(event);
	const towns = stories.townsFor(u).map((t) => ({ id: t.id, name: t.name }));
	return {
		towns,
		values: { townId: towns.length === 1 ? String(towns[0].id) : '', subjectKind: 'person' }
	};
};

export const actions: Actions = {
	create: async (event) => {
		const u = stories.requireStories(event);
		const saved = await stories.saveStaff(event.request, u);
		if (!saved.ok) return saved.failure;
		redirect(303, `/staff/stories/${saved.id}?saved=1`);
	}
};
