import { error } from '@sveltejs/kit';
import * as directory from '$lib/server/directory';
import { publicPage } from '$lib/server/public-cache';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const merchant = directory.merchantPage(Number(event.params.id));
	if (!merchant) error(404, '商户不存在');
	publicPage(event);
	return { merchant, archive: directory.publicArchive(merchant.id) };
};
