import { inScope, loadInScope, requireRole, townScope, visibleTowns } from '$lib/server/access';
import * as forms from '$lib/server/forms';
import * as query from '$lib/server/query';
import * as campaign from '$lib/server/campaign';
import { countCorrectionSchema, countSchema } from '$lib/schemas/campaign';
import { withdrawSchema } from '$lib/schemas/corrections';
import { todayISO } from '$lib/format';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** A filing of the user's towns, or the 404/403 of its town. */
function ownCount(u: ReturnType<typeof requireRole>, id: number) {
	return loadInScope(u, campaign.countById(id), (c) => c.townId, '填报记录不存在');
}

const officer = (event: RequestEvent) => requireRole(event, 'district_admin', 'town_officer');

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
	},
	/** A corrected filing replaces the old one, which stays in the history with the reason. */
	correct: async (event) => {
		const u = officer(event);
		const form = await forms.read(event.request, countCorrectionSchema);
		if (!form.ok) return form.failure;
		const { id, ...input } = form.data;
		ownCount(u, id);
		return forms.attempt(form.values, () => {
			campaign.correctCount(u, id, input);
			return { message: '已更正填报，原填报保留在记录中' };
		});
	},
	withdraw: async (event) => {
		const u = officer(event);
		const form = await forms.read(event.request, withdrawSchema);
		if (!form.ok) return form.failure;
		ownCount(u, form.data.id);
		return forms.attempt(form.values, () => {
			campaign.withdrawCount(u, form.data.id, form.data.reason);
			return { message: '已撤回填报，原填报保留在记录中' };
		});
	}
};
