import { requireMerchant } from '$lib/server/portal';
import * as due from '$lib/server/due';
import type { LayoutServerLoad } from './$types';

/** The merchant's own area: a merchant account only, and only its own shops (checked per page). */
export const load: LayoutServerLoad = (event) => {
	const u = requireMerchant(event);
	const items = due.forUser(u);
	return { due: items, dueTotal: due.total(items) };
};
