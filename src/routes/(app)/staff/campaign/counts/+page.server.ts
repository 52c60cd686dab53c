import { inScope, requireRole, townScope, visibleTowns } from '$lib/server/access';
import * as forms from '$lib/server/forms';
import * as query from '$lib/server/query';
import * as campaign from '$lib/server/campaign';
import { countSchema } from '$lib/schemas/campaign';
import { todayISO } from '$lib/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const { year = campaign.currentYear() } = query.params(event.url, { year: query.year });
	const d = campaign.dashboard(year);
	return {
		year,
		years: campaign.listYears(),
		today: todayISO(),
		counts: campaign.listCounts({ townIds: townScope(u), year }),
		towns: visibleTowns(u),
		itemised: d.towns
			.filter((t) => inScope(u, t.townId))
			.map((t) => ({
				townId: t.townId,
				name: t.name,
				commitments: t.commitments.count,
				reports: t.reports.count,
				reported: t.reported
			}))
	};
};

export const actions: Actions = {
	file: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const form = await forms.read(event.request, countSchema);
		if (!form.ok) return form.failure;
		if (!inScope(u, form.data.townId))
			return forms.invalid(form.values, { townId: '只能为本街镇填报' });
		return forms.attempt(form.values, () => {
			campaign.fileCount(u, form.data);
			return { message: '已提交进度填报' };
		});
	}
};
