import { directory } from '$lib/server/public';
import type { MapFilter } from '$lib/map/legend';

/** What the map page and its list twin both load: the filters, their choices and one page of results. */
export function browse(url: URL, pageSize = 20) {
	const q = directory.listQuery(url, pageSize);
	const { town, street, level, category, near } = q.filters;
	const filter: MapFilter = { town: town?.slug, street, level, category, q: q.q };
	return {
		filter,
		near: near ? ([near.lat, near.lng] as [number, number]) : null,
		result: directory.list(q),
		...directory.choices()
	};
}
