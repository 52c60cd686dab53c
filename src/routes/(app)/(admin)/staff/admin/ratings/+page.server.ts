import { fail } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access';
import { supervision } from '$lib/server/streets';
import { fieldErrors, formValues } from '$lib/schemas';
import { thresholdsSchema } from '$lib/schemas/streets';
import { SUPERVISION_KINDS } from '$lib/server/db/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return {
		thresholds: supervision.thresholds(),
		points: supervision.pointAmounts(),
		labels: supervision.SUPERVISION_KIND_LABEL
	};
};

export const actions: Actions = {
	thresholds: async (event) => {
		const u = requireAdmin(event);
		const values = formValues(await event.request.formData());
		const parsed = thresholdsSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, { thresholds: { values, errors: fieldErrors(parsed.error) } });
		try {
			supervision.setThresholds(u, parsed.data);
		} catch (e) {
			if (e instanceof supervision.SupervisionError)
				return fail(400, { thresholds: { values, errors: { _: e.message } } });
			throw e;
		}
		return { saved: '分数线已保存，此后的评级和动态分变化按新分数线执行' };
	},
	points: async (event) => {
		const u = requireAdmin(event);
		const values = formValues(await event.request.formData());
		const amounts = { ...supervision.DEFAULT_POINTS };
		for (const k of SUPERVISION_KINDS) {
			if (k === 'veto') continue;
			const n = Number(values[k]);
			if (values[k] === undefined || values[k].trim() === '' || !Number.isFinite(n))
				return fail(400, { points: { values, errors: { [k]: '请填写数字' } } });
			amounts[k] = n;
		}
		try {
			supervision.setPointAmounts(u, amounts);
		} catch (e) {
			if (e instanceof supervision.SupervisionError)
				return fail(400, { points: { values, errors: { _: e.message } } });
			throw e;
		}
		return { saved: '各类事项分值已保存' };
	}
};
