import { redirect } from '@sveltejs/kit';
import { requireCan, requireTown, townScope, visibleTowns } from '$lib/server/access';
import * as forms from '$lib/server/forms';
import * as metrology from '$lib/server/metrology';
import { mapConfig } from '$lib/server/public';
import { unitSchema } from '$lib/schemas/metrology';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireCan(event, 'create', 'metrology_unit');
	const scope = townScope(u);
	return {
		towns: visibleTowns(u).map((t) => ({ id: t.id, name: t.name })),
		tiles: mapConfig.tileConfig(),
		values: { townId: scope?.length === 1 ? String(scope[0]) : '', kind: 'wet_market' }
	};
};

export const actions: Actions = {
	create: async (event) => {
		const u = requireCan(event, 'create', 'metrology_unit');
		const read = await forms.read(event.request, unitSchema);
		if (!read.ok) return read.failure;
		requireTown(u, read.data.townId);
		let id = 0;
		const failed = await forms.attempt(read.values, () => {
			id = metrology.create(u, read.data).id;
		});
		if (failed) return failed;
		redirect(303, `/staff/metrology/${id}?saved=1`);
	}
};
