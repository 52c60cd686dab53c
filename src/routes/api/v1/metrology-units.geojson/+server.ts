import { datasets, openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/**
 * Every named metrology unit as a GeoJSON Point, filtered as `/api/v1/metrology-units`, unpaged;
 * a unit with no location is left out.
 */
export const GET: RequestHandler = openData.api(({ url, request }) => {
	const { items } = datasets.metrologyUnits(url, { whole: true });
	return openData.geojson(request, `metrology-units${url.search}`, () =>
		items.map(({ lat, lng, ...properties }) =>
			openData.feature(properties.id, openData.point(lat, lng), properties)
		)
	);
});
