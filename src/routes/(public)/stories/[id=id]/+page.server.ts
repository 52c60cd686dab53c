import { error } from '@sveltejs/kit';
import * as stories from '$lib/server/stories';
import { cached, publicPage } from '$lib/server/cache';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	publicPage(event);
	const id = Number(event.params.id);
	const story = cached(`story:${id}`, () => stories.publicGet(id) ?? null);
	if (!story) error(404, '故事不存在或尚未发布');
	return { story };
};
