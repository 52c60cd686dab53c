import { error } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import * as towns from '$lib/server/towns';
import { parseYear } from '$lib/server/campaign';
import { districtTargetSchema, targetValue } from '$lib/schemas/campaign';
import { fieldErrors, formValues } from '$lib/schemas';
import { invalid } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const year = parseYear(event.url.searchParams.get('year'));
	if (typeof year === 'object') error(400, year.error);
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
		const form = await event.request.formData();
		const values = formValues(form);
		const year = parseYear(values.year ?? '');
		if (typeof year === 'object') return invalid(values, { year: year.error });
		const parsed = districtTargetSchema.safeParse(values);
		const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
		const townRows = towns.list().map((t) => {
			const c = targetValue.safeParse(values[`c-${t.id}`] ?? '0');
			const r = targetValue.safeParse(values[`r-${t.id}`] ?? '0');
			if (!c.success) errors[`c-${t.id}`] = `${t.name}：承诺目标应为不小于 0 的整数`;
			if (!r.success) errors[`r-${t.id}`] = `${t.name}：报告目标应为不小于 0 的整数`;
			return { townId: t.id, commitmentTarget: c.data ?? 0, reportTarget: r.data ?? 0 };
		});
		if (!parsed.success || Object.keys(errors).length) return invalid(values, errors);
		campaign.setTargets(actor, year, { ...parsed.data, towns: townRows });
		const sumC = townRows.reduce((a, t) => a + t.commitmentTarget, 0);
		const sumR = townRows.reduce((a, t) => a + t.reportTarget, 0);
		return {
			message: `已保存 ${year} 年目标`,
			warning:
				sumC < parsed.data.commitmentTarget || sumR < parsed.data.reportTarget
					? `各街镇目标合计（承诺 ${sumC}、报告 ${sumR}）少于全区目标（承诺 ${parsed.data.commitmentTarget}、报告 ${parsed.data.reportTarget}）`
					: null
		};
	},
	types: async (event) => {
		const actor = requireAdmin(event);
		const values = formValues(await event.request.formData());
		const types = [
			...new Set(
				(values.types ?? '')
					.split(/[\n\r、,，]+/)
					.map((s) => s.trim())
					.filter(Boolean)
			)
		];
		if (!types.length) return invalid(values, { types: '至少保留一种承诺类型' });
		if (types.some((t) => t.length > 30))
			return invalid(values, { types: '每种类型不超过 30 个字' });
		campaign.setCommitmentTypes(actor, types);
		return { message: '已保存承诺类型' };
	}
};
