/** Reading the street and merchant forms for their create and edit actions. */
import { error } from '@sveltejs/kit';
import { instrumentSchema, streetSchema, merchantSchema } from '../../schemas/streets';
import * as forms from '../forms';
import { inScope } from '../access';
import * as streets from './streets';
import * as instruments from './instruments';
import { storeImage, UploadError } from '../files/uploads';
import type { SessionUser } from '../auth/session';
import type { SaveInput, ScoreInput } from './inspections';

/** The street form; a town outside the user's scope is refused beside the town picker. */
export async function readStreetForm(request: Request, u: SessionUser) {
	const r = await forms.read(request, streetSchema);
	if (r.ok && !inScope(u, r.data.townId))
		return {
			...r,
			ok: false as const,
			failure: forms.invalid(r.values, { townId: '只能选择本街镇' }, 403)
		};
	return r;
}

/**
 * The merchant form: its fields, the map point (the picker sends `locationLat`/`locationLng`), a
 * street in the user's towns, and the storefront photo, stored only when the rest is good.
 */
export async function readMerchantForm(request: Request, u: SessionUser) {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		form = new FormData();
	}
	form.set('lat', String(form.get('locationLat') ?? ''));
	form.set('lng', String(form.get('locationLng') ?? ''));
	const r = forms.parse(form, merchantSchema);
	if (!r.ok) return r;
	const refuse = (field: string, message: string, status = 400) => ({
		...r,
		ok: false as const,
		failure: forms.invalid(r.values, { [field]: message }, status)
	});
	const s = streets.byId(r.data.streetId);
	if (!s) return refuse('streetId', '所选示范街不存在');
	if (!inScope(u, s.townId)) return refuse('streetId', '只能选择本街镇的示范街', 403);
	const photo = form.get('photo');
	if (!(photo instanceof File) || photo.size === 0) return r;
	try {
		return { ...r, data: { ...r.data, photoKey: await storeImage(photo) } };
	} catch (e) {
		if (e instanceof UploadError) return refuse('photo', e.message);
		throw e;
	}
}

/** The score sheet: one points, veto, note and photo field per item of the version. */
export async function readScoreSheet(form: FormData, items: { id: number }[]): Promise<SaveInput> {
	const scores: ScoreInput[] = [];
	for (const it of items) {
		const photoKeys: string[] = [];
		for (const f of form.getAll(`photo_${it.id}`)) {
			if (f instanceof File && f.size > 0) photoKeys.push(await storeImage(f));
		}
		const raw = String(form.get(`points_${it.id}`) ?? '').trim();
		scores.push({
			itemId: it.id,
			points: raw === '' ? null : Number(raw),
			vetoHit: form.get(`veto_${it.id}`) === 'on',
			note: String(form.get(`note_${it.id}`) ?? ''),
			photoKeys
		});
	}
	return {
		scores,
		inspectedOn: String(form.get('inspectedOn') ?? '').trim(),
		summary: String(form.get('summary') ?? '')
	};
}

/**
 * A row of an instrument table (a merchant's or a unit's): the instrument, which must be the
 * owner's (404 otherwise), and its new dates, certificate and retired box — the row's form sends
 * only these, the rest is kept. A bad value answers beside the row's save button.
 */
export async function readInstrumentRow(
	request: Request,
	owner: { merchantId: number } | { unitId: number }
) {
	const form = await request.formData();
	const existing = instruments.byId(Number(form.get('instrumentId')));
	const mine =
		existing &&
		('merchantId' in owner
			? existing.merchantId === owner.merchantId
			: existing.unitId === owner.unitId);
	if (!existing || !mine) error(404, '计量器具不存在');
	for (const k of ['type', 'serial', 'note'] as const) if (!form.has(k)) form.set(k, existing[k]);
	const r = forms.parse(form, instrumentSchema);
	if (!r.ok)
		return {
			ok: false as const,
			failure: forms.invalid(r.values, {
				[`instrument${existing.id}`]: Object.values(r.failure.data.errors)[0]
			})
		};
	return {
		ok: true as const,
		id: existing.id,
		values: r.values,
		data: { ...r.data, retired: form.get('retired') === 'on' }
	};
}
