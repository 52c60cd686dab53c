import { redirect } from '@sveltejs/kit';
import { can, loadFor, requireCan } from '$lib/server/access';
import * as creditTowns from '$lib/server/credit-towns';
import * as forms from '$lib/server/forms';
import { uploads } from '$lib/server/files';
import { evidenceSchema, ITEM_TEXT_MAX } from '$lib/schemas/credit-towns';
import { EDITABLE_STATUSES } from '$lib/credit-towns';
import type { SessionUser } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

function load_(u: SessionUser, id: number, action: 'view' | 'apply') {
	return loadFor(
		u,
		action,
		'credit_town',
		creditTowns.detail(id),
		(d) => d.application.townId,
		'申报不存在'
	);
}

/** A town's application: its statement and evidence per item; the district's scores once decided. */
export const load: PageServerLoad = (event) => {
	const u = requireCan(event, 'view', 'credit_town');
	const d = load_(u, Number(event.params.id), 'view');
	return {
		...creditTowns.pageOf(d),
		canEdit:
			can(u, 'apply', 'credit_town', d.application) &&
			EDITABLE_STATUSES.includes(d.application.status),
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const u = requireCan(event, 'apply', 'credit_town');
		const d = load_(u, Number(event.params.id), 'apply');
		const f = await forms.read(event.request, evidenceSchema, { lists: ['removeFile'] });
		if (!f.ok) return f.failure;
		const texts: { itemId: number; text: string }[] = [];
		const add: { itemId: number; file: uploads.StoredFile }[] = [];
		for (const it of d.items) {
			const text = f.form.get(`text_${it.id}`);
			if (typeof text === 'string' && text.length > ITEM_TEXT_MAX)
				return forms.invalid(f.values, {
					[`text_${it.id}`]: `${it.code} 项的创建情况不能超过 ${ITEM_TEXT_MAX} 个字`
				});
			// an item not in the form keeps its statement
			if (typeof text === 'string') texts.push({ itemId: it.id, text });
			for (const file of f.form.getAll(`files_${it.id}`)) {
				if (!(file instanceof File) || file.size === 0) continue;
				try {
					add.push({ itemId: it.id, file: await uploads.storeAttachment(file) });
				} catch (e) {
					if (e instanceof uploads.UploadError)
						return forms.invalid(f.values, {
							[`files_${it.id}`]: `「${file.name}」：${e.message}`
						});
					throw e;
				}
			}
		}
		const submit = f.data.intent === 'submit';
		const failed = await forms.attempt(f.values, () => {
			creditTowns.save(
				u,
				d.application.id,
				{ note: f.data.note, texts },
				{ add, remove: f.data.removeFile },
				submit
			);
		});
		if (failed) return failed;
		redirect(303, `${event.url.pathname}?saved=${submit ? 'submitted' : 'draft'}`);
	}
};
