import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/access';
import * as forms from '$lib/server/forms';
import * as stories from '$lib/server/stories';
import { rejectSchema } from '$lib/schemas/stories';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function storyFor(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const u = stories.requireStories(event);
	const s = stories.detail(Number(event.params.id));
	if (!s) error(404, '故事不存在');
	if (!can(u, 'view', 'story', stories.ownerOf(s.townId)))
		error(403, '您只能查看和修改本街镇的记录');
	return { u, s };
}

export const load: PageServerLoad = (event) => {
	const { u, s } = storyFor(event);
	return {
		story: { ...s, receiptHash: undefined },
		values: stories.valuesOf(s),
		towns: stories.townsFor(u).map((t) => ({ id: t.id, name: t.name })),
		saved: event.url.searchParams.has('saved')
	};
};

function move(name: 'review' | 'publish' | 'withdraw') {
	return async (event: RequestEvent) => {
		const { u, s } = storyFor(event);
		const failed = await forms.attempt({}, () => {
			stories.decide(u, s.id, name);
		});
		if (failed) return failed;
		redirect(303, `/staff/stories/${s.id}`);
	};
}

export const actions: Actions = {
	update: async (event) => {
		const { u, s } = storyFor(event);
		const saved = await stories.saveStaff(event.request, u, s.id);
		if (!saved.ok) return saved.failure;
		redirect(303, `/staff/stories/${s.id}?saved=1`);
	},
	review: move('review'),
	publish: move('publish'),
	withdraw: move('withdraw'),
	reject: async (event) => {
		const { u, s } = storyFor(event);
		const read = await forms.read(event.request, rejectSchema);
		if (!read.ok) return read.failure;
		const failed = await forms.attempt(read.values, () => {
			stories.decide(u, s.id, 'reject', read.data.reason);
		});
		if (failed) return failed;
		redirect(303, `/staff/stories/${s.id}`);
	}
};
