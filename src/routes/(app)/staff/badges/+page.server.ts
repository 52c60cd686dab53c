import * as badges from '$lib/server/badges';
import * as feedback from '$lib/server/feedback';
import * as query from '$lib/server/query';
import { requireCan, townScope, visibleTowns } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const u = requireCan(event, 'view', 'badge');
	const scope = townScope(u);
	const f = { townId: query.params(event.url, { town: query.town }).town?.id };
	return {
		streets: badges.streetsForPrinting(scope, f),
		flagged: badges.flaggedCount(scope, f),
		counts: feedback.counts(scope),
		towns: visibleTowns(u).map((t) => ({ slug: t.slug, name: t.name }))
	};
};
