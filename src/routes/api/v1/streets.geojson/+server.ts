import { datasets, openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/**
 * Every street as a GeoJSON Feature (its polygon or line), filtered as `/api/v1/streets`, unpaged;
 * a street with no geometry drawn is left out.
 */
export const GET: RequestHandler = openData.api(({ url, request }) => {
	const { items } = datasets.streets(url, { whole: true });
	return openData.geojson(request, `streets${url.search}`, () =>
		items.map(({ geometry, ...properties }) =>
			openData.feature(properties.id, geometry, properties)
		)
	);
});
