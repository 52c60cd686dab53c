/**
 * The open-data lists, each read one way by its JSON (`/api/v1/streets`) and its GeoJSON
 * (`/api/v1/streets.geojson`): the same parameters, the same filters, the same item. `whole`
 * lifts the paging, for a client that reads the list at once (a GIS layer).
 */
import * as query from '../query';
import * as directory from './directory';
import * as metrology from '../metrology';
import { publicItem as merchantItem } from '../streets/merchants';
import { UNIT_KIND_LABEL } from '../../metrology';

type Paging = { whole?: boolean };

const pages = <Q extends query.Paging>(q: Q, p: Paging) => (p.whole ? query.whole(q) : q);

/** Every street with its public fields: `?town=<slug>&page=&pageSize=`. */
export function streets(url: URL, p: Paging = {}) {
	const list = directory.streets(pages(query.list(url, { town: query.town }), p));
	return {
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
	};
}

/**
 * Every merchant, by id (nearest first with `near`):
 * `?town=<slug>&street=<id>&level=&category=&q=&near=<lat,lng>&page=&pageSize=`.
 */
export function merchants(url: URL, p: Paging = {}) {
	const list = directory.list(pages(query.list(url, directory.FILTERS), p), 'open');
	return {
		...list,
		items: list.items.map(merchantItem)
	};
}

/** Named metrology demonstration units: `?q=&town=<slug>&kind=&page=&pageSize=`. */
export function metrologyUnits(url: URL, p: Paging = {}) {
	const { list } = metrology.readPublicList(url, 50, p);
	return {
		...list,
		items: list.items.map((u) => ({
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
		}))
	};
}
