import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'district_admin', 'town_officer');
	redirect(303, '/staff/campaign/import/commitments');
};
