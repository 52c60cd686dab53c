import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access';
import * as events from '$lib/server/events';
import { imports } from '$lib/server/files';
import type { Actions, PageServerLoad } from './$types';

const KIND = 'events';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'district_admin', 'town_officer');
	return {};
};

export const actions: Actions = {
	preview: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const form = await event.request.formData();
		const read = await imports.readUpload(form.get('file'), events.IMPORT_REQUIRED);
		if ('error' in read) return fail(400, { error: read.error });
		const staged = imports.stage(KIND, u.id, read.filename, events.checkImport(u, read.sheet));
		return {
			preview: imports.previewOf(staged, (v) => ({
				活动名称: v.title,
				街镇: v.townName,
				主题: v.themeName,
				形式: v.formName,
				日期: v.endDate === v.startDate ? v.startDate : `${v.startDate} 至 ${v.endDate}`,
				参与人数: String(v.participants),
				公开: v.isPublic ? '是' : '否'
			}))
		};
	},
	commit: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const form = await event.request.formData();
		const staged = imports.take<events.ImportRow>(KIND, u.id, String(form.get('token') ?? ''));
		if (!staged) return fail(400, { error: '预览已过期或已经导入，请重新上传文件' });
		const { inserted, skipped } = events.commitImport(
			u,
			staged.good.map((g) => g.value)
		);
		return {
			committed: {
				message: `已导入 ${inserted} 场活动${skipped ? `；${skipped} 场此前已导入过，未重复写入` : ''}。`
			}
		};
	}
};
