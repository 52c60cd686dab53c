import { datasets, openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/**
 * Every merchant as a GeoJSON Point, filtered as `/api/v1/merchants`, unpaged; a merchant with no
 * location is left out.
 */
export const GET: RequestHandler = openData.api(({ url, request }) => {
	const { items } = datasets.merchants(url, { whole: true });
	return openData.geojson(request, `merchants${url.search}`, () =>
		items.map(({ location, ...properties }) =>
			openData.feature(
				properties.id,
				location && openData.point(location.lat, location.lng),
				properties
			)
		)
	);
});
