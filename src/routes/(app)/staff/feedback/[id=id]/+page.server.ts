import { redirect } from '@sveltejs/kit';
import * as feedback from '$lib/server/feedback';
import * as forms from '$lib/server/forms';
import { loadFor, requireUser, type ActionOf } from '$lib/server/access';
import { uploads } from '$lib/server/files';
import { decisionSchema, replySchema } from '$lib/schemas/feedback';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * Town officers handle the feedback of their towns' merchants, as the merchants stand now;
 * forged-code reports (no town) go to district admins.
 */
function itemFor(
	event: RequestEvent | Parameters<PageServerLoad>[0],
	action: ActionOf<'feedback'> = 'view'
) {
	const u = requireUser(event);
	const d = loadFor(
		u,
		action,
		'feedback',
		feedback.detail(Number(event.params.id)),
		(r) => r.townId,
		'反馈不存在'
	);
	return { u, d };
}

export const load: PageServerLoad = (event) => {
	const { d } = itemFor(event);
	return {
		item: d,
		photo: uploads.imageUrl(d.f.photoKey),
		deduction: feedback.deductions()[d.f.category],
		overdueBefore: feedback.overdueBefore(),
		deadlineDays: feedback.deadlineDays(),
		receiptNo: feedback.receipts.numberOf(d.f.id) ?? null
	};
};

export const actions: Actions = {
	decide: async (event) => {
		const { u, d } = itemFor(event, 'decide');
		const read = await forms.read(event.request, decisionSchema);
		if (!read.ok) return read.failure;
		let badgeChanged = false;
		const failed = await forms.attempt(read.values, () => {
			badgeChanged = !!feedback.decide(u, d.f.id, read.data).badgeChange;
		});
		if (failed) return failed;
		redirect(303, `/staff/feedback/${d.f.id}?done=${badgeChanged ? 'badge' : 'decided'}`);
	},
	/** One click to call back: the full number, audited. */
	revealPhone: async (event) => {
		const { u, d } = itemFor(event);
		return { phone: feedback.revealPhone(u, d.f.id) };
	},
	reply: async (event) => {
		const { u, d } = itemFor(event, 'reply');
		const read = await forms.read(event.request, replySchema);
		if (!read.ok) return read.failure;
		const failed = await forms.attempt(read.values, () => {
			feedback.reply(u, d.f.id, read.data.reply);
		});
		if (failed) return failed;
		redirect(303, `/staff/feedback/${d.f.id}?done=replied`);
	}
};
