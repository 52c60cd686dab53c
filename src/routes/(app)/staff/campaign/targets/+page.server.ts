import { requireAdmin } from '$lib/server/access';
import * as forms from '$lib/server/forms';
import * as query from '$lib/server/query';
import * as campaign from '$lib/server/campaign';
import * as towns from '$lib/server/towns';
import { targetsSchema, typesSchema } from '$lib/schemas/campaign';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const { year = campaign.currentYear() } = query.params(event.url, { year: query.year });
	const t = campaign.targets(year);
	const years = campaign.listYears();
	if (!years.includes(year + 1)) years.unshift(year + 1);
	return {
		year,
		years,
		district: { commitmentTarget: t.commitmentTarget, reportTarget: t.reportTarget },
		towns: towns.list().map((tw) => ({
			id: tw.id,
			name: tw.name,
			commitmentTarget: t.towns.get(tw.id)?.commitmentTarget ?? 0,
			reportTarget: t.towns.get(tw.id)?.reportTarget ?? 0
		})),
		types: campaign.commitmentTypes()
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireAdmin(event);
		const form = await forms.read(event.request, targetsSchema(towns.list()));
		if (!form.ok) return form.failure;
		const { year, ...input } = form.data;
		campaign.setTargets(actor, year, input);
		const sumC = input.towns.reduce((a, t) => a + t.commitmentTarget, 0);
		const sumR = input.towns.reduce((a, t) => a + t.reportTarget, 0);
		return {
			message: `已保存 ${year} 年目标`,
			warning:
				sumC < input.commitmentTarget || sumR < input.reportTarget
					? `各街镇目标合计（承诺 ${sumC}、报告 ${sumR}）少于全区目标（承诺 ${input.commitmentTarget}、报告 ${input.reportTarget}）`
					: null
		};
	},
	types: async (event) => {
		const actor = requireAdmin(event);
		const form = await forms.read(event.request, typesSchema);
		if (!form.ok) return form.failure;
		campaign.setCommitmentTypes(actor, form.data.types);
		return { message: '已保存承诺类型' };
	}
};
