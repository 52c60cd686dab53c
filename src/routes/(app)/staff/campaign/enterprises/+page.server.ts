import { enterprises } from '$lib/server/campaign';
import * as towns from '$lib/server/towns';
import { listParams } from '../lists';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { filter, view } = listParams(event);
	const list = enterprises.list(filter);
	const names = new Map(towns.list({ includeInactive: true }).map((t) => [t.id, t.name]));
	return {
		...view,
		list: { ...list, items: list.items.map((e) => ({ ...e, townName: names.get(e.townId) ?? '' })) }
	};
};
