import type { RequestEvent } from '@sveltejs/kit';
import { loadInScope, requireRole } from '$lib/server/access';
import * as streets from '$lib/server/streets';

/** Who imports, into which street: staff who may edit the street's town. */
export function importContext(event: RequestEvent) {
	const actor = requireRole(event, 'district_admin', 'town_officer');
	const s = loadInScope(
		actor,
		streets.byId(Number(event.params.id)),
		(r) => r.townId,
		'示范街不存在'
	);
	return { actor, street: { id: s.id, name: s.name } };
}
