import { requireUser } from '$lib/server/access';
import * as account from '$lib/server/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
	return { changed: event.url.searchParams.has('changed') };
};

export const actions: Actions = {
	changePassword: (event) =>
		account.changePassword(event, requireUser(event), '/staff/account?changed=1')
};
