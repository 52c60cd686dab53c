import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { can, loadInScope, requireRole, townScope, visibleTowns } from '$lib/server/access';
import * as forms from '$lib/server/forms';
import * as campaign from '$lib/server/campaign';
import { enterprises } from '$lib/server/campaign';
import * as towns from '$lib/server/towns';
import { uploads } from '$lib/server/files';
import { commitmentSchema, enterpriseSchema, reportSchema } from '$lib/schemas/campaign';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/*
 * Several forms on one page: each sends a hidden `form` field naming itself, so a failure's
 * `values.form` tells the page which form its errors belong to.
 */

function enterpriseOf(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const e = loadInScope(
		u,
		enterprises.byId(Number(event.params.id)),
		(r) => r.townId,
		'企业不存在'
	);
	return { u, e };
}

export const load: PageServerLoad = (event) => {
	const { u, e } = enterpriseOf(event);
	const scope = townScope(u);
	return {
		enterprise: { ...e, townName: towns.byId(e.townId)?.name ?? '' },
		commitments: campaign.listCommitments({ townIds: scope, enterpriseId: e.id, pageSize: 200 })
			.items,
		reports: campaign.listReports({ townIds: scope, enterpriseId: e.id, pageSize: 50 }).items,
		towns: visibleTowns(u),
		types: campaign.commitmentTypes(),
		years: campaign.listYears(),
		year: campaign.currentYear()
	};
};

const idSchema = z.object({ id: z.coerce.number().int().positive() });

/** The enterprise's commitment named by the form's `id`, or 404. */
async function commitmentOf(event: RequestEvent, enterpriseId: number) {
	const form = await forms.read(event.request, idSchema);
	const c = form.ok ? campaign.commitmentById(form.data.id) : undefined;
	if (!c || c.enterpriseId !== enterpriseId) error(404, '承诺不存在');
	return c;
}

export const actions: Actions = {
	update: async (event) => {
		const { u, e } = enterpriseOf(event);
		const form = await forms.read(event.request, enterpriseSchema);
		if (!form.ok) return form.failure;
		if (!can(u, 'update', 'enterprise', form.data))
			return forms.invalid(
				form.values,
				{ townId: '只能选择您负责的街镇；迁往其他街镇请联系区级管理员' },
				403
			);
		enterprises.update(u, e.id, form.data);
		return { form: 'update', message: '已保存企业信息' };
	},
	commit: async (event) => {
		const { u, e } = enterpriseOf(event);
		const form = await forms.read(event.request, commitmentSchema);
		if (!form.ok) return form.failure;
		return forms.attempt(form.values, () => {
			campaign.addCommitment(u, { ...form.data, enterpriseId: e.id });
			return { form: 'commit', message: '已登记信用承诺' };
		});
	},
	withdraw: async (event) => {
		const { u, e } = enterpriseOf(event);
		const c = await commitmentOf(event, e.id);
		campaign.setCommitmentStatus(u, c.id, 'withdrawn');
		return { form: 'list', message: '已撤回该承诺，不再计入进度' };
	},
	republish: async (event) => {
		const { u, e } = enterpriseOf(event);
		const c = await commitmentOf(event, e.id);
		campaign.setCommitmentStatus(u, c.id, 'published');
		return { form: 'list', message: '已恢复公示' };
	},
	report: async (event) => {
		const { u, e } = enterpriseOf(event);
		const form = await forms.read(event.request, reportSchema, { lists: ['items'] });
		if (!form.ok) return form.failure;
		let pdfKey: string | undefined;
		const file = form.form.get('pdf');
		if (file instanceof File && file.size > 0) {
			try {
				pdfKey = await uploads.storePdf(file);
			} catch (err) {
				if (err instanceof uploads.UploadError)
					return forms.invalid(form.values, { pdf: err.message });
				throw err;
			}
		}
		campaign.saveReport(u, { ...form.data, enterpriseId: e.id, pdfKey });
		return { form: 'report', message: '已保存补充信息及信用报告' };
	}
};
