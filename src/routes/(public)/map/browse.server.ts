import { directory, mapData } from '$lib/server/public';
import * as towns from '$lib/server/towns';
import { parseFilter } from '$lib/map/legend';

/** What the map page and its list twin both load: the filters, their choices and one page of results. */
export function browse(url: URL, pageSize = 20) {
	const filter = parseFilter(url.searchParams);
	const page = Number(url.searchParams.get('page')) || 1;
	const nearRaw = url.searchParams.get('near')?.split(',').map(Number);
	const near =
		nearRaw?.length === 2 &&
		nearRaw.every(Number.isFinite) &&
		Math.abs(nearRaw[0]) <= 90 &&
		Math.abs(nearRaw[1]) <= 180
			? ([nearRaw[0], nearRaw[1]] as [number, number])
			: undefined;
	const result = directory.list({ ...filter, page, pageSize, near });
	const streets = mapData.streetOptions();
	const townList = towns.list();
	return {
		filter,
		near: near ?? null,
		result,
		towns: townList
			.filter((t) => streets.some((s) => s.townId === t.id))
			.map((t) => ({ id: t.id, slug: t.slug, name: t.name })),
		streets
	};
}
