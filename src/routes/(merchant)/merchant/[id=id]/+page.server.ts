import { error, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import * as forms from '$lib/server/forms';
import { uploads } from '$lib/server/files';
import {
	appeals,
	commitments,
	home,
	ownMerchant,
	reinspections,
	replies,
	requireMerchant,
	type MerchantUser
} from '$lib/server/portal';
import {
	appealSchema,
	merchantReplySchema,
	reinspectionSchema,
	signSchema
} from '$lib/schemas/portal';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Evidence photos an appeal may carry. */
const MAX_EVIDENCE = 3;

function mine(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const u = requireMerchant(event);
	return { u, id: ownMerchant(u, event.params.id) };
}

export const load: PageServerLoad = (event) => {
	const { id } = mine(event);
	const shop = home.shop(id);
	if (!shop) error(404, '商户不存在');
	return { shop };
};

const back = (id: number, done: string) => redirect(303, `/merchant/${id}?done=${done}#${done}`);

/** One of the merchant's own forms: read with `schema`, run the domain call, come back. */
function act<S extends z.ZodType>(
	schema: S,
	done: string,
	run: (u: MerchantUser, id: number, data: z.output<S>) => unknown
) {
	return async (event: RequestEvent) => {
		const { u, id } = mine(event);
		const r = await forms.read(event.request, schema);
		if (!r.ok) return r.failure;
		const failed = await forms.attempt(r.values, () => {
			run(u, id, r.data);
		});
		if (failed) return failed;
		back(id, done);
	};
}

export const actions: Actions = {
	reply: act(merchantReplySchema, 'replied', (u, id, data) =>
		replies.submit(u, { merchantId: id, ...data })
	),
	reinspect: act(reinspectionSchema, 'requested', (u, id, data) =>
		reinspections.request(u, id, data.note)
	),
	sign: act(signSchema, 'signed', (u, id, data) => commitments.sign(u, id, data.signerName)),
	appeal: async (event) => {
		const { u, id } = mine(event);
		const r = await forms.read(event.request, appealSchema);
		if (!r.ok) return r.failure;
		const files = r.form
			.getAll('evidence')
			.filter((f): f is File => f instanceof File && f.size > 0);
		if (files.length > MAX_EVIDENCE)
			return forms.invalid(r.values, { evidence: `证据照片最多 ${MAX_EVIDENCE} 张` });
		// Checked before any photo is stored, so a refused appeal leaves no files behind.
		if (!appeals.appealable(id).some((e) => e.id === r.data.archiveEntryId))
			return forms.invalid(r.values, {
				archiveEntryId: '这条记录已超过申诉期限或已申诉过，请选择其他记录'
			});
		const keys: string[] = [];
		for (const f of files) {
			try {
				keys.push(await uploads.storeImage(f));
			} catch (e) {
				if (e instanceof uploads.UploadError)
					return forms.invalid(r.values, { evidence: e.message });
				throw e;
			}
		}
		const failed = await forms.attempt(r.values, () => {
			appeals.file(u, { merchantId: id, ...r.data, evidenceKeys: keys });
		});
		if (failed) return failed;
		back(id, 'appealed');
	}
};
