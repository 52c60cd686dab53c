/** Reading the merchant form (fields, map point, storefront photo) for create and edit. */
import { fieldErrors, formValues } from '../../schemas';
import { merchantSchema, type MerchantInput } from '../../schemas/streets';
import { invalid } from '../forms';
import { canAccessTown } from '../access';
import * as streets from './streets';
import * as merchants from './merchants';
import { storeImage, UploadError } from '../files/uploads';
import type { SessionUser } from '../auth/session';

export async function readMerchantForm(request: Request, u: SessionUser) {
	const form = await request.formData();
	const values = formValues(form);
	values.lat = values.locationLat ?? '';
	values.lng = values.locationLng ?? '';
	const parsed = merchantSchema.safeParse(values);
	if (!parsed.success) return { failure: invalid(values, fieldErrors(parsed.error)) };
	const s = streets.byId(parsed.data.streetId);
	if (!s) return { failure: invalid(values, { streetId: '所选示范街不存在' }) };
	if (!canAccessTown(u, s.townId))
		return { failure: invalid(values, { streetId: '只能选择本街镇的示范街' }, 403) };
	let photoKey: string | null = null;
	const photo = form.get('photo');
	if (photo instanceof File && photo.size > 0) {
		try {
			photoKey = await storeImage(photo);
		} catch (e) {
			if (e instanceof UploadError) return { failure: invalid(values, { photo: e.message }) };
			throw e;
		}
	}
	const input: MerchantInput & { photoKey?: string | null } = { ...parsed.data };
	if (photoKey) input.photoKey = photoKey;
	return { values, input };
}

export function merchantFailure(e: unknown, values: Record<string, string>) {
	if (e instanceof merchants.MerchantError) return invalid(values, { [e.field ?? '_']: e.message });
	throw e;
}
