import * as query from '$lib/server/query';
import { directory } from '$lib/server/public';
import * as towns from '$lib/server/towns';
import { publicPage } from '$lib/server/cache';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	publicPage(event, 300);
	const q = query.list(event.url, { town: query.town }, { pageSize: 60 });
	return {
		red: directory.redList({ town: q.filters.town, page: q.page, pageSize: q.pageSize }),
		town: q.filters.town?.slug ?? '',
		towns: towns.list().map((t) => ({ slug: t.slug, name: t.name })),
		revoked: directory.revoked()
	};
};
