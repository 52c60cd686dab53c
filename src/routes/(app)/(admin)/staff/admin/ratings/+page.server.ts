import { requireAdmin } from '$lib/server/access';
import { supervision } from '$lib/server/streets';
import * as feedback from '$lib/server/feedback';
import * as forms from '$lib/server/forms';
import { pointsSchema, thresholdsSchema } from '$lib/schemas/streets';
import { deadlineSchema } from '$lib/schemas/feedback';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return {
		thresholds: supervision.thresholds(),
		points: supervision.pointAmounts(),
		deadlineDays: feedback.deadlineDays()
	};
};

export const actions: Actions = {
	thresholds: async (event) => {
		const u = requireAdmin(event);
		const r = await forms.read(event.request, thresholdsSchema);
		if (!r.ok) return r.failure;
		const failed = await forms.attempt(r.values, () => supervision.setThresholds(u, r.data));
		return failed ?? { done: '分数线已保存，此后的评级和动态分变化按新分数线执行' };
	},
	points: async (event) => {
		const u = requireAdmin(event);
		const r = await forms.read(event.request, pointsSchema);
		if (!r.ok) return r.failure;
		const failed = await forms.attempt(r.values, () =>
			supervision.setPointAmounts(u, { ...r.data, veto: supervision.DEFAULT_POINTS.veto })
		);
		return failed ?? { done: '各类事项分值已保存' };
	},
	deadline: async (event) => {
		const u = requireAdmin(event);
		const r = await forms.read(event.request, deadlineSchema);
		if (!r.ok) return r.failure;
		const failed = await forms.attempt(r.values, () =>
			feedback.setDeadlineDays(u, r.data.deadlineDays)
		);
		return failed ?? { done: '反馈办理时限已保存，工作台的超期提醒随之变化' };
	}
};
