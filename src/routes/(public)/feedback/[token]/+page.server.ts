import { error } from '@sveltejs/kit';
import * as feedback from '$lib/server/feedback';
import type { PageServerLoad } from './$types';

/** The consumer's private receipt page: only the holder of the link knows its token. */
export const load: PageServerLoad = ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const r = feedback.receipts.byToken(params.token);
	if (!r) error(404, '没有找到这份回执，请核对链接是否完整');
	return { r, deadlineDays: feedback.deadlineDays() };
};
