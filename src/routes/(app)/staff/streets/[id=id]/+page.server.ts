import { fail, redirect } from '@sveltejs/kit';
import { requireRole, requireUser } from '$lib/server/access';
import { inspections, merchants } from '$lib/server/streets';
import * as streets from '$lib/server/streets';
import * as towns from '$lib/server/towns';
import { streetFor } from '$lib/server/guards';
import { mapConfig } from '$lib/server/public';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	const street = streetFor(u, Number(event.params.id));
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
		inspections: inspections
			.list(null, { streetId: street.id, limit: 50 })
			.filter((i) => i.kind === 'street'),
		canEdit: u.role !== 'inspector',
		canInspect: u.role !== 'town_officer'
	};
};

export const actions: Actions = {
	inspect: async (event) => {
		const u = requireRole(event, 'district_admin', 'inspector');
		const street = streetFor(u, Number(event.params.id));
		let id: number;
		try {
			id = inspections.start(u, { streetId: street.id }).id;
		} catch (e) {
			if (e instanceof inspections.InspectionError) return fail(400, { error: e.message });
			throw e;
		}
		redirect(303, `/staff/inspections/${id}`);
	}
};
