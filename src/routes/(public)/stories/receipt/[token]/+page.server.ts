import { error } from '@sveltejs/kit';
import * as stories from '$lib/server/stories';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, setHeaders }) => {
	// The link is the sender's secret: never stored by a shared cache, never sent on as a referrer.
	setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' });
	const receipt = stories.byReceipt(params.token);
	if (!receipt) error(404, '没有找到这份投稿回执，请核对链接是否完整');
	return { receipt, sent: url.searchParams.has('sent') };
};
