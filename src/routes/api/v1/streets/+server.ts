import * as query from '$lib/server/query';
import { directory, openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/** Open data: every street with its public fields, 50 a page: `?town=<slug>&page=&pageSize=`. */
export const GET: RequestHandler = openData.api(({ url }) => {
	const list = directory.streets(query.list(url, { town: query.town }));
	return openData.ok({
		...list,
		items: list.items.map((s) => ({
			id: s.id,
			name: s.name,
			status: s.status,
			town: { slug: s.townSlug, name: s.townName },
			geometry: s.geometry,
			convention: s.convention,
			committee: { contact: s.committeeContact },
			merchants: s.merchants
		}))
	});
});
