import { requireMerchant } from '$lib/server/portal';
import * as account from '$lib/server/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireMerchant(event);
	return { changed: event.url.searchParams.has('changed') };
};

export const actions: Actions = {
	changePassword: (event) =>
		account.changePassword(event, requireMerchant(event), '/merchant/account?changed=1')
};
