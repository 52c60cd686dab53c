import { error, fail, redirect } from '@sveltejs/kit';
import * as feedback from '$lib/server/feedback';
import { requireRole, requireTown } from '$lib/server/access';
import { uploads } from '$lib/server/files';
import { invalid } from '$lib/server/forms';
import { decisionSchema, replySchema } from '$lib/schemas/feedback';
import { fieldErrors, formValues } from '$lib/schemas';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Town officers handle their towns' feedback; forged-code reports (no town) go to district admins. */
function itemFor(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const d = feedback.detail(Number(event.params.id));
	if (!d) error(404, '反馈不存在');
	requireTown(u, d.f.townId);
	return { u, d };
}

export const load: PageServerLoad = (event) => {
	const { d } = itemFor(event);
	return {
		item: d,
		photo: uploads.imageUrl(d.f.photoKey),
		deduction: feedback.deductions()[d.f.category],
		overdueDays: feedback.OVERDUE_DAYS
	};
};

export const actions: Actions = {
	decide: async (event) => {
		const { u, d } = itemFor(event);
		const values = formValues(await event.request.formData());
		const parsed = decisionSchema.safeParse(values);
		if (!parsed.success) return invalid(values, fieldErrors(parsed.error));
		try {
			const r = feedback.decide(u, d.f.id, parsed.data);
			redirect(303, `/staff/feedback/${d.f.id}?done=${r.badgeChange ? 'badge' : 'decided'}`);
		} catch (e) {
			if (e instanceof feedback.FeedbackError) return fail(400, { values, message: e.message });
			throw e;
		}
	},
	reply: async (event) => {
		const { u, d } = itemFor(event);
		const values = formValues(await event.request.formData());
		const parsed = replySchema.safeParse(values);
		if (!parsed.success) return invalid(values, fieldErrors(parsed.error));
		try {
			feedback.reply(u, d.f.id, parsed.data.reply);
		} catch (e) {
			if (e instanceof feedback.FeedbackError) return fail(400, { values, message: e.message });
			throw e;
		}
		redirect(303, `/staff/feedback/${d.f.id}?done=replied`);
	}
};
