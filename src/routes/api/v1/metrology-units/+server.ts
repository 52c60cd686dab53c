import * as metrology from '$lib/server/metrology';
import { openData } from '$lib/server/public';
import { UNIT_KIND_LABEL } from '$lib/metrology';
import type { RequestHandler } from './$types';

/** Named metrology demonstration units: `?q=&town=<slug>&kind=&page=&pageSize=`. */
export const GET: RequestHandler = openData.api(({ url }) => {
	const { list } = metrology.readPublicList(url, 50);
	const items = list.items.map((u) => ({
		id: u.id,
		name: u.name,
		kind: u.kind,
		kindName: UNIT_KIND_LABEL[u.kind],
		town: u.townSlug,
		townName: u.townName,
		address: u.address,
		lat: u.lat,
		lng: u.lng,
		namedOn: u.namedOn,
		fairScales: u.fairScales,
		instruments: u.instruments,
		instrumentsOverdue: u.overdue,
		url: `/metrology/${u.id}`
	}));
	return openData.ok({ ...list, items });
});
