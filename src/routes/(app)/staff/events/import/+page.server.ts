import type { RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access';
import * as events from '$lib/server/events';
import { imports } from '$lib/server/files';
import type { PageServerLoad } from './$types';

const context = (event: RequestEvent) => ({
	actor: requireRole(event, 'district_admin', 'town_officer')
});

export const load: PageServerLoad = (event) => {
	context(event);
	return {};
};

export const actions = imports.actions(events.importSpec, context);
