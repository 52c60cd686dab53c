import * as feedback from '$lib/server/feedback';
import * as query from '$lib/server/query';
import * as forms from '$lib/server/forms';
import { requireAdmin, requireRole, requireTown, visibleTowns } from '$lib/server/access';
import { deductionsSchema } from '$lib/schemas/feedback';
import { FEEDBACK_STATUSES, STATUS_LABEL } from '$lib/feedback';
import type { Actions, PageServerLoad } from './$types';

const STATUS_FILTER = [...FEEDBACK_STATUSES, 'all'] as const;

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const q = query.list(event.url, {
		status: query.oneOf(STATUS_FILTER, { ...STATUS_LABEL, all: '全部' }),
		town: query.town,
		overdue: query.oneOf(['1'] as const, { '1': '只看超期' })
	});
	const { town, overdue } = q.filters;
	if (town) requireTown(u, town.id);
	const status = q.filters.status ?? 'pending';
	return {
		queue: feedback.queue(u, {
			status,
			townId: town?.id,
			overdue: !!overdue,
			page: q.page,
			pageSize: q.pageSize
		}),
		counts: feedback.counts(u),
		filter: { status, town: town?.slug ?? '', overdue: !!overdue },
		towns: visibleTowns(u).map((t) => ({ slug: t.slug, name: t.name })),
		deductions: u.role === 'district_admin' ? feedback.deductions() : null,
		deadlineDays: feedback.deadlineDays()
	};
};

export const actions: Actions = {
	deductions: async (event) => {
		const u = requireAdmin(event);
		const read = await forms.read(event.request, deductionsSchema);
		if (!read.ok) return read.failure;
		const failed = await forms.attempt(read.values, () => feedback.setDeductions(u, read.data));
		if (failed) return failed;
		return { saved: true };
	}
};
