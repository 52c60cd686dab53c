import { error } from '@sveltejs/kit';
import { directory } from '$lib/server/public';
import * as feedback from '$lib/server/feedback';
import { cached } from '$lib/server/cache';
import { publicPage } from '$lib/server/cache';
import { appeals, commitments } from '$lib/server/portal';
import * as metrology from '$lib/server/metrology';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const m = directory.detail(Number(event.params.id));
	if (!m) error(404, '商户不存在');
	publicPage(event);
	return {
		m,
		replies: cached(`replies:${m.id}`, () => feedback.publicReplies(m.id, 10)),
		signed: commitments.current(m.id),
		reversed: appeals.reversedIds(m.id),
		market: metrology.marketOf(m.id)
	};
};
