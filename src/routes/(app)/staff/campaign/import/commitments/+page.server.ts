import { fail } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import { imports } from '$lib/server/files';
import { importer, parseYear } from '$lib/server/campaign';
import * as campaign from '$lib/server/campaign';
import { COMMITMENT_REQUIRED } from '$lib/campaign-labels';
import type { Actions, PageServerLoad } from './$types';

const KIND = 'campaign.commitments';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'district_admin', 'town_officer');
	return { years: campaign.listYears(), year: campaign.currentYear() };
};

function sample(v: importer.CommitmentImportRow) {
	return {
		企业名称: v.name,
		统一社会信用代码: v.uscc,
		所属街镇: v.townName,
		承诺类型: v.type,
		公示日期: v.disclosedOn,
		公示渠道: v.channel
	};
}

export const actions: Actions = {
	preview: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const form = await event.request.formData();
		const year = parseYear(String(form.get('year') ?? ''));
		if (typeof year === 'object') return fail(400, { error: year.error });
		const upload = await imports.readUpload(form.get('file'), COMMITMENT_REQUIRED);
		if ('error' in upload) return fail(400, { error: upload.error });
		const checked = importer.checkCommitments(upload.sheet, {
			year,
			scope: townScope(u),
			types: campaign.commitmentTypes()
		});
		const staged = imports.stage(KIND, u.id, upload.filename, checked);
		return { preview: imports.previewOf(staged, sample) };
	},
	commit: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer');
		const form = await event.request.formData();
		const staged = imports.take<importer.CommitmentImportRow>(
			KIND,
			u.id,
			String(form.get('token') ?? '')
		);
		if (!staged) return fail(400, { error: '预览已过期或已经导入，请重新选择文件' });
		const result = importer.commitCommitments(
			u,
			townScope(u),
			staged.filename,
			staged.good.map((g) => g.value)
		);
		return { committed: { message: importer.describe(result, '信用承诺') } };
	}
};
