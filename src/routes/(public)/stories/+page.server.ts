import * as stories from '$lib/server/stories';
import * as towns from '$lib/server/towns';
import { cached, publicPage } from '$lib/server/cache';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	publicPage(event);
	const list = stories.readPublicList(event.url);
	return {
		...list,
		towns: towns.list().map((t) => ({ slug: t.slug, name: t.name })),
		tags: cached('stories.tags', () => stories.publicTags())
	};
};
