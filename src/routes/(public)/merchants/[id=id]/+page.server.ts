import { error } from '@sveltejs/kit';
import { merchants } from '$lib/server/streets';
import * as feedback from '$lib/server/feedback';
import { publicPage } from '$lib/server/public-cache';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const m = merchants.publicDetail(Number(event.params.id));
	if (!m) error(404, '商户不存在');
	publicPage(event);
	return { m, replies: feedback.publicReplies(m.id, 10) };
};
