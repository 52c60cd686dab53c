/** Reading the street form for the create and edit actions. */
import { formValues, fieldErrors } from '../../schemas';
import { streetSchema } from '../../schemas/streets';
import { invalid } from '../forms';
import * as streets from './streets';
import { canAccessTown } from '../access';
import type { SessionUser } from '../auth/session';

export async function readStreetForm(request: Request, u: SessionUser) {
	const form = await request.formData();
	const values = formValues(form);
	const parsed = streetSchema.safeParse(values);
	if (!parsed.success) return { failure: invalid(values, fieldErrors(parsed.error)) };
	if (!canAccessTown(u, parsed.data.townId))
		return { failure: invalid(values, { townId: '只能选择本街镇' }, 403) };
	return { values, input: parsed.data };
}

export function streetFailure(e: unknown, values: Record<string, string>) {
	if (e instanceof streets.StreetError) return invalid(values, { [e.field ?? '_']: e.message });
	throw e;
}
