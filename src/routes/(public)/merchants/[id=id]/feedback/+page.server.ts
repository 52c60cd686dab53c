import { error } from '@sveltejs/kit';
import { merchants } from '$lib/server/streets';
import * as feedback from '$lib/server/feedback';
import { action } from '$lib/server/feedback';
import type { Actions, PageServerLoad } from './$types';

function merchantOf(id: string) {
	const d = merchants.detail(Number(id));
	if (!d) error(404, '商户不存在');
	return d;
}

export const load: PageServerLoad = ({ params }) => {
	const d = merchantOf(params.id);
	return {
		merchant: {
			id: d.merchant.id,
			name: d.merchant.name,
			address: d.merchant.address,
			streetName: d.street.name,
			townName: d.townName
		},
		replies: feedback.publicReplies(d.merchant.id, 20)
	};
};

export const actions: Actions = {
	feedback: async (event) => {
		const d = merchantOf(event.params.id);
		return action.submitFeedback(event, {
			merchantId: d.merchant.id,
			badgeId: d.merchant.currentBadgeId,
			source: 'merchant_page'
		});
	}
};
