import { fail } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import { imports } from '$lib/server/files';
import { importer, parseYear } from '$lib/server/campaign';
import * as campaign from '$lib/server/campaign';
import { REPORT_REQUIRED, REPORT_STATUS_LABEL } from '$lib/campaign-labels';
import type { Actions, PageServerLoad } from './$types';

const KIND = 'campaign.reports';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'district_admin', 'town_officer');
	return { years: campaign.listYears(), year: campaign.currentYear() };
};

function sample(v: importer.ReportImportRow) {
	return {
		企业名称: v.name,
		统一社会信用代码: v.uscc,
		所属街镇: v.townName,
		补充信息项: v.items.join('、'),
		报告编号: v.reportNo ?? '',
		出具日期: v.issuedOn ?? '',
		状态: REPORT_STATUS_LABEL[v.status]
	};
}

export const actions: Actions = {
	preview: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const form = await event.request.formData();
		const year = parseYear(String(form.get('year') ?? ''));
		if (typeof year === 'object') return fail(400, { error: year.error });
		const upload = await imports.readUpload(form.get('file'), REPORT_REQUIRED);
		if ('error' in upload) return fail(400, { error: upload.error });
		const checked = importer.checkReports(upload.sheet, { year, scope: townScope(u) });
		const staged = imports.stage(KIND, u.id, upload.filename, checked);
		return { preview: imports.previewOf(staged, sample) };
	},
	commit: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const form = await event.request.formData();
		const staged = imports.take<importer.ReportImportRow>(
			KIND,
			u.id,
			String(form.get('token') ?? '')
		);
		if (!staged) return fail(400, { error: '预览已过期或已经导入，请重新选择文件' });
		const result = importer.commitReports(
			u,
			townScope(u),
			staged.filename,
			staged.good.map((g) => g.value)
		);
		return { committed: { message: importer.describe(result, '补充信息及信用报告') } };
	}
};
