import { error } from '@sveltejs/kit';
import * as merchants from '$lib/server/merchants';
import * as feedback from '$lib/server/feedback';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, setHeaders }) => {
	const m = merchants.publicDetail(Number(params.id));
	if (!m) error(404, '商户不存在');
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return { m, replies: feedback.publicReplies(m.id, 20) };
};
