import { requireRole } from '$lib/server/access';
import { template } from '$lib/server/campaign';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	requireRole(event, 'district_admin', 'town_officer');
	return template('reports', event.url.searchParams.get('format'));
};
