import { redirect } from '@sveltejs/kit';
import { can, loadFor, requireUser } from '$lib/server/access';
import { inspections, merchants } from '$lib/server/streets';
import * as streets from '$lib/server/streets';
import * as towns from '$lib/server/towns';
import * as forms from '$lib/server/forms';
import { mapConfig } from '$lib/server/public';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	const street = streets.forUser(u, Number(event.params.id));
	const list = merchants.list(null, { streetId: street.id, pageSize: 1000 });
	const all = merchants.publicList({ streetId: street.id, pageSize: 200 }).items;
	return {
		street,
		townName: towns.byId(street.townId)?.name ?? '',
		merchants: list.items,
		points: all.map((m) => ({
			id: m.id,
			name: m.name,
			level: m.level,
			lat: m.location?.lat ?? null,
			lng: m.location?.lng ?? null,
			href: `/staff/merchants/${m.id}`
		})),
		overdue: streets.overdueInstruments(street.id),
		tiles: mapConfig.tileConfig(),
		// The street's own inspections, chosen in SQL before the limit: its merchants' many
		// inspections must not crowd them out.
		inspections: inspections.list(null, { streetId: street.id, kind: 'street', limit: 50 }),
		canEdit: can(u, 'update', 'street', street),
		canInspect: can(u, 'create', 'inspection', street),
		canBadge: can(u, 'view', 'badge', street)
	};
};

export const actions: Actions = {
	inspect: async (event) => {
		const u = requireUser(event);
		const street = loadFor(
			u,
			'create',
			'inspection',
			streets.byId(Number(event.params.id)),
			(s) => s.townId,
			'示范街不存在'
		);
		const id = await forms.attempt({}, () => inspections.start(u, { streetId: street.id }).id);
		if (typeof id !== 'number') return id;
		redirect(303, `/staff/inspections/${id}`);
	}
};
