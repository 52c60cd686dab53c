import { error, redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access';
import * as creditTowns from '$lib/server/credit-towns';
import * as forms from '$lib/server/forms';
import * as streets from '$lib/server/streets';
import { revokeSchema, sendBackSchema } from '$lib/schemas/credit-towns';
import type { z } from 'zod';
import type { SessionUser } from '$lib/server/auth/session';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function load_(event: Pick<RequestEvent, 'params'>) {
	const d = creditTowns.detail(Number(event.params.id));
	if (!d || d.application.status === 'draft') error(404, '申报不存在');
	return d;
}

/** The district's review of one application: accept or return it, score it, name or fail it. */
export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const d = load_(event);
	const open = d.review?.status === 'draft';
	return {
		...creditTowns.pageOf(d, true),
		scoring: open && (d.application.status === 'building' || d.application.status === 'named'),
		saved: event.url.searchParams.get('saved')
	};
};

async function scoreAction(event: RequestEvent, submit: boolean) {
	const u = requireAdmin(event);
	const d = load_(event);
	const form = await event.request.formData();
	const { values } = forms.fieldsOf(form);
	const input = await streets.readScoreSheet(form, d.standard.items);
	const failed = await forms.attempt(values, () => {
		creditTowns.score(u, d.application.id, input, submit);
	});
	if (failed) return failed;
	if (submit) redirect(303, `${event.url.pathname}?saved=decided`);
	return { done: '评分已保存' };
}

/** A decision with a written reason: read, run, then back to the page saying what was done. */
async function decide<S extends z.ZodType>(
	event: RequestEvent,
	schema: S,
	saved: string,
	run: (u: SessionUser, id: number, data: z.output<S>) => unknown
) {
	const u = requireAdmin(event);
	const d = load_(event);
	const f = await forms.read(event.request, schema);
	if (!f.ok) return f.failure;
	const failed = await forms.attempt(f.values, () => {
		run(u, d.application.id, f.data);
	});
	if (failed) return failed;
	redirect(303, `${event.url.pathname}?saved=${saved}`);
}

export const actions: Actions = {
	sendBack: (event) =>
		decide(event, sendBackSchema, 'returned', (u, id, d) => creditTowns.sendBack(u, id, d.comment)),
	accept: async (event) => {
		const u = requireAdmin(event);
		const d = load_(event);
		const failed = await forms.attempt({}, () => {
			creditTowns.accept(u, d.application.id);
		});
		if (failed) return failed;
		redirect(303, `${event.url.pathname}?saved=accepted`);
	},
	review: async (event) => {
		const u = requireAdmin(event);
		const d = load_(event);
		const failed = await forms.attempt({}, () => {
			creditTowns.openReview(u, d.application.id);
		});
		if (failed) return failed;
		redirect(303, event.url.pathname);
	},
	save: (event) => scoreAction(event, false),
	submit: (event) => scoreAction(event, true),
	revoke: (event) =>
		decide(event, revokeSchema, 'revoked', (u, id, d) => creditTowns.revoke(u, id, d.reason))
};
