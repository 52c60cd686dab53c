import { error, redirect } from '@sveltejs/kit';
import * as forms from '$lib/server/forms';
import { requireAdmin } from '$lib/server/access';
import { standards } from '$lib/server/streets';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const s = standards.byId(Number(event.params.id));
	if (!s) error(404, '标准不存在');
	return { standard: s };
};

function readItems(form: FormData): standards.ItemInput[] {
	const n = Number(form.get('rows') ?? 0);
	const items: standards.ItemInput[] = [];
	for (let i = 0; i < Math.min(n, 200); i++) {
		const get = (k: string) => String(form.get(`${k}_${i}`) ?? '').trim();
		if (!get('code') && !get('text')) continue;
		items.push({
			code: get('code'),
			groupName: get('groupName'),
			text: get('text'),
			guidance: get('guidance'),
			maxPoints: Number(get('maxPoints') || 0),
			veto: form.get(`veto_${i}`) === 'on',
			metrology: form.get(`metrology_${i}`) === 'on'
		});
	}
	return items;
}

export const actions: Actions = {
	save: async (event) => {
		const u = requireAdmin(event);
		const form = await event.request.formData();
		const { values } = forms.fieldsOf(form);
		const pass = form.get('passMark');
		const input = {
			name: String(form.get('name') ?? ''),
			note: String(form.get('note') ?? ''),
			items: readItems(form),
			// only a standard with a pass mark of its own shows the field
			...(typeof pass === 'string' ? { passMark: pass.trim() ? Number(pass) : null } : {})
		};
		const failed = await forms.attempt(values, () => {
			standards.updateDraft(u, Number(event.params.id), input);
		});
		return failed ?? { done: '草稿已保存' };
	},
	publish: async (event) => {
		const u = requireAdmin(event);
		const failed = await forms.attempt({}, () => {
			standards.publish(u, Number(event.params.id));
		});
		if (failed) return failed;
		redirect(303, '/staff/admin/standards');
	},
	discard: async (event) => {
		const u = requireAdmin(event);
		const failed = await forms.attempt({}, () => {
			standards.discardDraft(u, Number(event.params.id));
		});
		if (failed) return failed;
		redirect(303, '/staff/admin/standards');
	}
};
