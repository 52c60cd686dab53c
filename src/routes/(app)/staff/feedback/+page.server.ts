import * as feedback from '$lib/server/feedback';
import * as towns from '$lib/server/towns';
import { requireAdmin, requireRole, townScope } from '$lib/server/access';
import { invalid } from '$lib/server/forms';
import { deductionsSchema } from '$lib/schemas/feedback';
import { fieldErrors, formValues } from '$lib/schemas';
import { FEEDBACK_STATUSES, type FeedbackStatus } from '$lib/feedback';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const scope = townScope(u);
	const q = event.url.searchParams;
	const status = q.get('status') ?? 'pending';
	const townSlug = q.get('town') ?? '';
	const town = townSlug ? towns.bySlug(townSlug) : undefined;
	const filter = {
		status: (FEEDBACK_STATUSES as readonly string[]).includes(status)
			? (status as FeedbackStatus)
			: 'all',
		townId: town && (!scope || scope.includes(town.id)) ? town.id : undefined,
		overdue: q.get('overdue') === '1',
		page: Math.max(1, Number(q.get('page')) || 1)
	} as const;
	return {
		queue: feedback.queue(scope, filter),
		counts: feedback.counts(scope),
		filter: { status: filter.status, town: townSlug, overdue: filter.overdue },
		towns: towns
			.list()
			.filter((t) => !scope || scope.includes(t.id))
			.map((t) => ({ slug: t.slug, name: t.name })),
		deductions: u.role === 'district_admin' ? feedback.deductions() : null,
		overdueDays: feedback.OVERDUE_DAYS
	};
};

export const actions: Actions = {
	deductions: async (event) => {
		const u = requireAdmin(event);
		const values = formValues(await event.request.formData());
		const parsed = deductionsSchema.safeParse(values);
		if (!parsed.success) return invalid(values, fieldErrors(parsed.error));
		feedback.setDeductions(u, parsed.data);
		return { saved: true };
	}
};
