import { home, requireMerchant } from '$lib/server/portal';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireMerchant(event);
	return { shops: home.shops(u.merchantIds) };
};
