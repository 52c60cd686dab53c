import { redirect } from '@sveltejs/kit';
import * as stories from '$lib/server/stories';
import * as towns from '$lib/server/towns';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	towns: towns.list().map((t) => ({ id: t.id, name: t.name }))
});

export const actions: Actions = {
	send: async (event) => {
		const sent = await stories.submitPublic(event);
		if (!('token' in sent)) return sent;
		// A bot's post (the hidden field filled) is thanked and dropped.
		if (!sent.token) redirect(303, '/stories');
		redirect(303, `/stories/receipt/${sent.token}?sent=1`);
	}
};
