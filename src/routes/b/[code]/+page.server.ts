import * as badges from '$lib/server/badges';
import * as feedback from '$lib/server/feedback';
import * as campaign from '$lib/server/campaign';
import { uploads } from '$lib/server/files';
import { action } from '$lib/server/feedback';
import { error } from '@sveltejs/kit';
import { commitments } from '$lib/server/portal';
import { LARGE_TEXT_COOKIE } from '$lib/server/preferences';
import type { Actions, PageServerLoad } from './$types';

/** The consumer's page: plain HTML, no JavaScript, small enough for a weak signal. */
export const csr = false;

export const load: PageServerLoad = ({ params, request, setHeaders, cookies, url }) => {
	const r = badges.lookup(params.code);
	// Every scan is counted and the state may change at any moment: never cached.
	setHeaders({ 'cache-control': 'no-store' });
	const largeText = cookies.get(LARGE_TEXT_COOKIE) === '1';
	const here = url.pathname;
	if (r.kind === 'invalid') return { result: r, code: params.code.slice(0, 64), largeText, here };
	if (request.method === 'GET') badges.countScan(r.badge.id, badges.isStale(r));
	return {
		code: params.code,
		result: {
			...r,
			photo: uploads.imageUrl(r.merchant.photoKey, true)
		},
		replies: feedback.publicReplies(r.merchant.id),
		commitments: campaign.publishedCommitmentsOf(r.merchant.uscc),
		// Claimed only when the merchant signed its street's convention as it reads now.
		signed: commitments.current(r.merchant.id),
		largeText,
		here
	};
};

export const actions: Actions = {
	feedback: async (event) => {
		const r = badges.lookup(event.params.code);
		if (r.kind === 'invalid') error(404, '无效二维码');
		return action.submitFeedback(event, {
			merchantId: r.merchant.id,
			badgeId: r.badge.id,
			source: 'scan'
		});
	},
	report: async (event) => action.reportForged(event, event.params.code)
};
