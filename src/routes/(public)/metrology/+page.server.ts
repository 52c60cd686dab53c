import * as metrology from '$lib/server/metrology';
import * as towns from '$lib/server/towns';
import { publicPage } from '$lib/server/cache';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	publicPage(event);
	return {
		...metrology.readPublicList(event.url, 20),
		towns: towns.list().map((t) => ({ slug: t.slug, name: t.name }))
	};
};
