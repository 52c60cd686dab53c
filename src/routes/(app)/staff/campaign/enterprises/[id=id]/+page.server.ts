import { error, fail } from '@sveltejs/kit';
import { canAccessTown, requireRole, requireTown, townScope } from '$lib/server/access';
import { enterprises } from '$lib/server/campaign';
import * as campaign from '$lib/server/campaign';
import * as towns from '$lib/server/towns';
import { uploads } from '$lib/server/files';
import { commitmentSchema, enterpriseSchema, reportSchema } from '$lib/schemas/campaign';
import { fieldErrors, formValues } from '$lib/schemas';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function load_(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const e = enterprises.byId(Number(event.params.id));
	if (!e) error(404, '企业不存在');
	requireTown(u, e.townId);
	return { u, e };
}

export const load: PageServerLoad = (event) => {
	const { u, e } = load_(event);
	const scope = townScope(u);
	return {
		enterprise: { ...e, townName: towns.byId(e.townId)?.name ?? '' },
		commitments: campaign.listCommitments({ townIds: scope, enterpriseId: e.id, pageSize: 200 })
			.items,
		reports: campaign.listReports({ townIds: scope, enterpriseId: e.id, pageSize: 50 }).items,
		towns: towns.list().filter((t) => !scope || scope.includes(t.id)),
		types: campaign.commitmentTypes(),
		years: campaign.listYears(),
		year: campaign.currentYear()
	};
};

function commitmentOf(id: number, enterpriseId: number) {
	const c = campaign.commitmentById(id);
	if (!c || c.enterpriseId !== enterpriseId) error(404, '承诺不存在');
	return c;
}

export const actions: Actions = {
	update: async (event) => {
		const { u, e } = load_(event);
		const values = formValues(await event.request.formData());
		const parsed = enterpriseSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, { form: 'update', values, errors: fieldErrors(parsed.error) });
		if (!canAccessTown(u, parsed.data.townId))
			return fail(400, {
				form: 'update',
				values,
				errors: { townId: '只能选择您负责的街镇；迁往其他街镇请联系区级管理员' } as Record<
					string,
					string
				>
			});
		enterprises.update(u, e.id, parsed.data);
		return { form: 'update', message: '已保存企业信息' };
	},
	commit: async (event) => {
		const { u, e } = load_(event);
		const values = formValues(await event.request.formData());
		const parsed = commitmentSchema.safeParse(values);
		const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
		if (parsed.success && !campaign.commitmentTypes().includes(parsed.data.type))
			errors.type = '请选择承诺类型';
		if (parsed.success && Number(parsed.data.disclosedOn.slice(0, 4)) !== parsed.data.year)
			errors.disclosedOn = `公示日期应在 ${parsed.data.year} 年内`;
		if (!parsed.success || Object.keys(errors).length)
			return fail(400, { form: 'commit', values, errors });
		try {
			campaign.addCommitment(u, { ...parsed.data, enterpriseId: e.id });
		} catch (err) {
			if (err instanceof campaign.DuplicateCommitment)
				return fail(400, { form: 'commit', values, errors: { type: err.message } });
			throw err;
		}
		return { form: 'commit', message: '已登记信用承诺' };
	},
	withdraw: async (event) => {
		const { u, e } = load_(event);
		const c = commitmentOf(Number((await event.request.formData()).get('id')), e.id);
		campaign.setCommitmentStatus(u, c.id, 'withdrawn');
		return { form: 'list', message: '已撤回该承诺，不再计入进度' };
	},
	republish: async (event) => {
		const { u, e } = load_(event);
		const c = commitmentOf(Number((await event.request.formData()).get('id')), e.id);
		campaign.setCommitmentStatus(u, c.id, 'published');
		return { form: 'list', message: '已恢复公示' };
	},
	report: async (event) => {
		const { u, e } = load_(event);
		const form = await event.request.formData();
		const values = formValues(form);
		const parsed = reportSchema.safeParse({ ...values, items: form.getAll('items') });
		if (!parsed.success)
			return fail(400, {
				form: 'report',
				values: { ...values, items: form.getAll('items').map(String).join('、') },
				errors: fieldErrors(parsed.error)
			});
		let pdfKey: string | undefined;
		const file = form.get('pdf');
		if (file instanceof File && file.size > 0) {
			try {
				pdfKey = await uploads.storePdf(file);
			} catch (err) {
				if (err instanceof uploads.UploadError)
					return fail(400, {
						form: 'report',
						values: { ...values, items: form.getAll('items').map(String).join('、') },
						errors: { pdf: err.message } as Record<string, string>
					});
				throw err;
			}
		}
		campaign.saveReport(u, { ...parsed.data, enterpriseId: e.id, pdfKey });
		return { form: 'report', message: '已保存补充信息及信用报告' };
	}
};
