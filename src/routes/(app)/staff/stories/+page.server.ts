import * as stories from '$lib/server/stories';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = stories.requireStories(event);
	return {
		list: stories.readStaffList(event.url, u),
		towns: stories.townsFor(u).map((t) => ({ slug: t.slug, name: t.name }))
	};
};
