import { redirect } from '@sveltejs/kit';
import * as plan from '$lib/server/plan';
import type { PageServerLoad } from './$types';

/** `/plan` is this year's plan. */
export const load: PageServerLoad = () => {
	redirect(307, `/plan/${plan.views.currentYear()}`);
};
