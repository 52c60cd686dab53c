import { error } from '@sveltejs/kit';
import { canAccessTown, requireRole, townScope } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import * as towns from '$lib/server/towns';
import { parseYear } from '$lib/server/campaign';
import { countSchema } from '$lib/schemas/campaign';
import { fieldErrors, formValues } from '$lib/schemas';
import { invalid } from '$lib/server/forms';
import { todayISO } from '$lib/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const year = parseYear(event.url.searchParams.get('year'));
	if (typeof year === 'object') error(400, year.error);
	const scope = townScope(u);
	const d = campaign.dashboard(year);
	return {
		year,
		years: campaign.listYears(),
		today: todayISO(),
		counts: campaign.listCounts({ townIds: scope, year }),
		towns: towns.list().filter((t) => !scope || scope.includes(t.id)),
		itemised: d.towns
			.filter((t) => !scope || scope.includes(t.townId))
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
		const values = formValues(await event.request.formData());
		const parsed = countSchema.safeParse(values);
		if (!parsed.success) return invalid(values, fieldErrors(parsed.error));
		if (!canAccessTown(u, parsed.data.townId))
			return invalid(values, { townId: '只能为本街镇填报' });
		if (parsed.data.asOf > todayISO()) return invalid(values, { asOf: '截至日期不能晚于今天' });
		if (Number(parsed.data.asOf.slice(0, 4)) !== parsed.data.year)
			return invalid(values, { asOf: `截至日期应在 ${parsed.data.year} 年内` });
		campaign.fileCount(u, parsed.data);
		return { message: '已提交进度填报' };
	}
};
