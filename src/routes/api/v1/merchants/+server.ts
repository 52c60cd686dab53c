import * as query from '$lib/server/query';
import { directory, openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/**
 * Open data: every merchant, by id (nearest first with `near`), 50 a page:
 * `?town=<slug>&street=<id>&level=&category=&q=&near=<lat,lng>&page=&pageSize=`.
 */
export const GET: RequestHandler = openData.api(({ url }) => {
	const list = directory.list(query.list(url, directory.FILTERS), 'open');
	return openData.ok({
		...list,
		items: list.items.map((r) => ({
			id: r.id,
			name: r.name,
			category: r.category,
			address: r.address,
			level: r.level,
			badgeState: r.badgeState ?? null,
			validUntil: r.validUntil ?? null,
			tradingStatus: r.tradingStatus,
			street: { id: r.streetId, name: r.streetName },
			town: { slug: r.townSlug, name: r.townName },
			location: r.lat != null && r.lng != null ? { lat: r.lat, lng: r.lng } : null
		}))
	});
});
