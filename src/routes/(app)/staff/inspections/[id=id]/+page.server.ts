import { redirect } from '@sveltejs/kit';
import { can, loadFor, requireUser, type ActionOf } from '$lib/server/access';
import * as forms from '$lib/server/forms';
import { DomainError } from '$lib/server/forms';
import { inspections, instruments } from '$lib/server/streets';
import * as streets from '$lib/server/streets';
import { uploads } from '$lib/server/files';
import * as submissions from '$lib/server/submissions';
import type { SessionUser } from '$lib/server/auth/session';
import { amendSchema } from '$lib/schemas/corrections';
import type { Actions, PageServerLoad } from './$types';

function load_(u: SessionUser, id: number, action: ActionOf<'inspection'> = 'view') {
	return loadFor(
		u,
		action,
		'inspection',
		inspections.detail(id),
		(d) => d.townId,
		'检查记录不存在'
	);
}

export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	const d = load_(u, Number(event.params.id));
	return {
		inspection: d.inspection,
		standard: { id: d.standard.id, version: d.standard.version, name: d.standard.name },
		items: d.standard.items,
		scores: d.scores.map((x) => ({
			...x,
			photos: x.photoKeys.map((k) => ({
				small: uploads.imageUrl(k, true)!,
				large: uploads.imageUrl(k)!
			}))
		})),
		inspectors: d.inspectors.map((i) => i.displayName),
		...inspections.subjectOf(d.inspection),
		instruments: d.inspection.merchantId
			? instruments.forMerchant(d.inspection.merchantId)
			: d.inspection.unitId
				? instruments.forUnit(d.inspection.unitId)
				: [],
		canScore: can(u, 'update', 'inspection', d) && d.inspection.status === 'draft',
		canAmend: can(u, 'update', 'inspection', d) && d.inspection.status === 'submitted',
		versions: inspections.versions(d.inspection.id),
		stamp: inspections.stampOf(d.inspection)
	};
};

async function saveAction(event: Parameters<Actions[string]>[0], submit: boolean) {
	const u = requireUser(event);
	const d = load_(u, Number(event.params.id), 'update');
	const form = await event.request.formData();
	const { values } = forms.fieldsOf(form);
	const done = await forms.attempt(values, async () => {
		// A submission queued on a phone carries a key and the stamp of what it was filled against:
		// a key already accepted is answered as before, and nothing is written twice.
		const key = submissions.keyOf(form);
		if (key && submit && submissions.done(u, 'inspection', key) === d.inspection.id) return 'sent';
		const stamp = form.get('stamp');
		if (typeof stamp === 'string' && stamp) inspections.assertUnchanged(d.inspection, stamp);
		let input: inspections.SaveInput;
		try {
			input = await streets.readScoreSheet(form, d.standard.items);
		} catch (e) {
			if (e instanceof uploads.UploadError)
				throw new DomainError('_', `照片未能保存：${e.message}`);
			throw e;
		}
		if (key && submit)
			submissions.once(u, 'inspection', key, () => {
				inspections.save(u, d.inspection.id, input, true);
				return d.inspection.id;
			});
		else inspections.save(u, d.inspection.id, input, submit);
		return '草稿已保存';
	});
	if (typeof done !== 'string') return done;
	if (submit) redirect(303, `/staff/inspections/${d.inspection.id}?submitted=1`);
	return { done };
}

export const actions: Actions = {
	save: (event) => saveAction(event, false),
	submit: (event) => saveAction(event, true),
	/** 更正: a new version opens as a draft with the old scores; the old one is kept. */
	amend: async (event) => {
		const u = requireUser(event);
		const d = load_(u, Number(event.params.id), 'update');
		const read = await forms.read(event.request, amendSchema);
		if (!read.ok) return read.failure;
		let next = 0;
		const failed = await forms.attempt(read.values, () => {
			next = inspections.amend(u, d.inspection.id, read.data.reason).id;
		});
		if (failed) return failed;
		redirect(303, `/staff/inspections/${next}`);
	},
	discard: async (event) => {
		const u = requireUser(event);
		const d = load_(u, Number(event.params.id), 'update');
		const failed = await forms.attempt({}, () => inspections.discard(u, d.inspection.id));
		if (failed) return failed;
		redirect(303, '/staff/inspections');
	}
};
