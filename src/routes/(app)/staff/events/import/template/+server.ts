import { requireRole } from '$lib/server/access';
import * as events from '$lib/server/events';
import { exports, imports } from '$lib/server/files';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	imports.template(
		events.importSpec,
		{ actor: requireRole(event, 'district_admin', 'town_officer') },
		exports.format(event.url)
	);
