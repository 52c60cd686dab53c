import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole, requireTown, requireUser } from '$lib/server/access';
import { inspections, instruments, merchants } from '$lib/server/streets';
import * as streets from '$lib/server/streets';
import { uploads } from '$lib/server/files';
import type { SessionUser } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

function load_(u: SessionUser, id: number) {
	const d = inspections.detail(id);
	if (!d) error(404, '检查记录不存在');
	requireTown(u, d.inspection.townId);
	return d;
}

export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	const d = load_(u, Number(event.params.id));
	const m = d.inspection.merchantId ? merchants.detail(d.inspection.merchantId) : undefined;
	const s = streets.byId(d.inspection.streetId)!;
	return {
		inspection: d.inspection,
		standard: { id: d.standard.id, version: d.standard.version, name: d.standard.name },
		items: d.standard.items,
		scores: d.scores.map((x) => ({
			...x,
			photos: x.photoKeys.map((k) => ({
				small: uploads.imageUrl(k, true)!,
				large: uploads.imageUrl(k)!
			}))
		})),
		inspectors: d.inspectors.map((i) => i.displayName),
		subject: m
			? {
					name: m.merchant.name,
					href: `/staff/merchants/${m.merchant.id}`,
					address: m.merchant.address
				}
			: { name: s.name, href: `/staff/streets/${s.id}`, address: '' },
		streetName: s.name,
		instruments: d.inspection.merchantId ? instruments.forMerchant(d.inspection.merchantId) : [],
		canScore: u.role !== 'town_officer' && d.inspection.status === 'draft'
	};
};

async function read(request: Request, items: { id: number }[]) {
	const form = await request.formData();
	const scores: inspections.ScoreInput[] = [];
	for (const it of items) {
		const photoKeys: string[] = [];
		for (const f of form.getAll(`photo_${it.id}`)) {
			if (f instanceof File && f.size > 0) photoKeys.push(await uploads.storeImage(f));
		}
		const raw = String(form.get(`points_${it.id}`) ?? '').trim();
		scores.push({
			itemId: it.id,
			points: raw === '' ? 0 : Number(raw),
			vetoHit: form.get(`veto_${it.id}`) === 'on',
			note: String(form.get(`note_${it.id}`) ?? ''),
			photoKeys
		});
	}
	const values: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string') values[k] = v;
	return {
		values,
		scores,
		inspectedOn: String(form.get('inspectedOn') ?? ''),
		summary: String(form.get('summary') ?? ''),
		blank: items.filter((it) => String(form.get(`points_${it.id}`) ?? '').trim() === '')
	};
}

async function saveAction(event: Parameters<Actions[string]>[0], submit: boolean) {
	const u = requireRole(event, 'district_admin', 'inspector');
	const d = load_(u, Number(event.params.id));
	let input: Awaited<ReturnType<typeof read>>;
	try {
		input = await read(event.request, d.standard.items);
	} catch (e) {
		if (e instanceof uploads.UploadError) return fail(400, { error: `照片未能保存：${e.message}` });
		throw e;
	}
	if (!/^\d{4}-\d{2}-\d{2}$/.test(input.inspectedOn))
		return fail(400, { error: '请填写检查日期', values: input.values });
	const blankScored = input.blank.filter(
		(it) => !d.standard.items.find((x) => x.id === it.id)?.veto
	);
	if (submit && blankScored.length)
		return fail(400, {
			error: `还有 ${blankScored.length} 项未打分（${d.standard.items
				.filter((x) => blankScored.some((b) => b.id === x.id))
				.map((x) => x.code)
				.join('、')}），请打分后再提交；不得分请填 0`,
			values: input.values
		});
	try {
		inspections.save(u, d.inspection.id, input, submit);
	} catch (e) {
		if (e instanceof inspections.InspectionError)
			return fail(400, { error: e.message, values: input.values });
		throw e;
	}
	if (submit) redirect(303, `/staff/inspections/${d.inspection.id}?submitted=1`);
	return { saved: '草稿已保存' };
}

export const actions: Actions = {
	save: (event) => saveAction(event, false),
	submit: (event) => saveAction(event, true),
	discard: async (event) => {
		const u = requireRole(event, 'district_admin', 'inspector');
		const d = load_(u, Number(event.params.id));
		try {
			inspections.discard(u, d.inspection.id);
		} catch (e) {
			if (e instanceof inspections.InspectionError) return fail(400, { error: e.message });
			throw e;
		}
		redirect(303, '/staff/inspections');
	}
};
