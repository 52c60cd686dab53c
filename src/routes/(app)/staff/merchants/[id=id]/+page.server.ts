import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole, requireUser } from '$lib/server/access';
import { supervision, instruments, inspections, merchants } from '$lib/server/streets';
import * as badges from '$lib/server/badges';
import { merchantFor } from '$lib/server/guards';
import { uploads } from '$lib/server/files';
import { invalid } from '$lib/server/forms';
import { fieldErrors, formValues } from '$lib/schemas';
import { instrumentSchema, supervisionSchema } from '$lib/schemas/streets';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	const d = merchantFor(u, Number(event.params.id));
	const id = d.merchant.id;
	return {
		merchant: d.merchant,
		street: { id: d.street.id, name: d.street.name },
		townName: d.townName,
		badge: d.badge,
		badges: merchants.badges(id),
		photoUrl: uploads.imageUrl(d.merchant.photoKey),
		archive: supervision.archive(id, u.role === 'inspector' ? 'public' : 'staff'),
		instruments: instruments.forMerchant(id),
		inspections: inspections.list(null, { merchantId: id, limit: 20 }),
		points: supervision.pointAmounts(),
		scans30: badges.scanCounts(id, 30).reduce((n, s) => n + s.scans, 0),
		canEdit: u.role !== 'inspector',
		canSupervise: u.role !== 'inspector',
		canInspect: u.role !== 'town_officer'
	};
};

export const actions: Actions = {
	inspect: async (event) => {
		const u = requireRole(event, 'district_admin', 'inspector');
		const d = merchantFor(u, Number(event.params.id));
		let id: number;
		try {
			id = inspections.start(u, { merchantId: d.merchant.id }).id;
		} catch (e) {
			if (e instanceof inspections.InspectionError) return fail(400, { inspectError: e.message });
			throw e;
		}
		redirect(303, `/staff/inspections/${id}`);
	},
	supervise: async (event) => {
		// Point changes (and revocations) are the towns' and the district's; inspectors score.
		const u = requireRole(event, 'district_admin', 'town_officer');
		const d = merchantFor(u, Number(event.params.id));
		const form = await event.request.formData();
		const values = formValues(form);
		const parsed = supervisionSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, { supervise: { values, errors: fieldErrors(parsed.error) } });
		const r = supervision.record(u, d.merchant.id, parsed.data);
		return {
			supervised: r.badgeChange
				? `已记录。牌匾状态变更：${r.badgeChange.reason}`
				: `已记录，当前动态分 ${r.merchant.score ?? '—'}`
		};
	},
	addInstrument: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer', 'inspector');
		const d = merchantFor(u, Number(event.params.id));
		const form = await event.request.formData();
		const values = formValues(form);
		const parsed = instrumentSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, { instrument: { values, errors: fieldErrors(parsed.error) } });
		instruments.create(u, d.merchant.id, parsed.data);
		return { instrumentSaved: '已添加计量器具' };
	},
	updateInstrument: async (event) => {
		const u = requireRole(event, 'district_admin', 'town_officer', 'inspector');
		const d = merchantFor(u, Number(event.params.id));
		const form = await event.request.formData();
		const values = formValues(form);
		const existing = instruments.byId(Number(values.instrumentId));
		if (!existing || existing.merchantId !== d.merchant.id) error(404, '计量器具不存在');
		const parsed = instrumentSchema.safeParse({ ...existing, ...values });
		if (!parsed.success)
			return invalid(values, { [`instrument${existing.id}`]: parsed.error.issues[0].message });
		instruments.update(u, existing.id, { ...parsed.data, retired: values.retired === 'on' });
		return { instrumentSaved: '已更新计量器具' };
	}
};
