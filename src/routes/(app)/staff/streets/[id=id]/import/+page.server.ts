import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access';
import { merchants } from '$lib/server/streets';
import { imports } from '$lib/server/files';
import { forUser as streetFor } from '$lib/server/streets';
import { type MerchantInput } from '$lib/schemas/streets';
import { CATEGORY_LABEL } from '$lib/streets';
import type { Actions, PageServerLoad } from './$types';

const KIND = 'street-merchants';

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const street = streetFor(u, Number(event.params.id));
	return { street: { id: street.id, name: street.name } };
};

export const actions: Actions = {
	preview: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const street = streetFor(u, Number(event.params.id));
		const form = await event.request.formData();
		const read = await imports.readUpload(form.get('file'), [...merchants.IMPORT_COLUMNS]);
		if ('error' in read) return fail(400, { error: read.error });
		const checked = merchants.checkImport(read.sheet, street.id);
		const staged = imports.stage(`${KIND}:${street.id}`, u.id, read.filename, checked);
		return {
			preview: imports.previewOf<MerchantInput>(staged, (v) => ({
				商户名称: v.name,
				统一社会信用代码: v.uscc,
				经营地址: v.address,
				类别: CATEGORY_LABEL[v.category]
			}))
		};
	},
	commit: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const street = streetFor(u, Number(event.params.id));
		const form = await event.request.formData();
		const staged = imports.take<MerchantInput>(
			`${KIND}:${street.id}`,
			u.id,
			String(form.get('token') ?? '')
		);
		if (!staged) return fail(400, { error: '预览已过期或已导入，请重新上传文件' });
		try {
			const r = merchants.commitImport(
				u,
				street.id,
				staged.good.map((g) => g.value)
			);
			return {
				committed: {
					message: `导入完成：新增 ${r.added} 家，更新 ${r.updated} 家，${r.unchanged} 家无变化${staged.bad.length ? `；${staged.bad.length} 行有问题未导入` : ''}。`
				}
			};
		} catch (e) {
			if (e instanceof merchants.MerchantError) return fail(400, { error: e.message });
			throw e;
		}
	}
};
