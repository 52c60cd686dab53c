import { home } from '$lib/server/public';
import * as plan from '$lib/server/plan';
import * as creditTowns from '$lib/server/credit-towns';
import { publicPage } from '$lib/server/cache';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	publicPage(event);
	const year = plan.views.currentYear();
	return {
		...home(),
		creditTowns: creditTowns
			.named()
			.map((t) => ({ slug: t.slug, name: t.name, namedOn: t.namedOn })),
		plan: { year, tasks: plan.tasks.list(year).map((t) => ({ row: t.row, title: t.title })) }
	};
};
