import * as query from '$lib/server/query';
import * as campaign from '$lib/server/campaign';
import * as creditTowns from '$lib/server/credit-towns';
import { openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/**
 * Open data: each town's progress for a year (`town` for one town only), and its credit-town
 * creation status now (`creditTown: { status, since, validUntil }`, null when it never applied).
 */
export const GET: RequestHandler = openData.api(({ url }) => {
	const { year = campaign.currentYear(), town } = query.params(url, {
		year: query.year,
		town: query.town
	});
	const p = campaign.progress(year);
	const credit = creditTowns.publicStatusByTown();
	return openData.ok({
		year,
		items: p.towns
			.filter((t) => !town || t.townId === town.id)
			.map((t) => ({
				slug: t.slug,
				name: t.name,
				commitments: t.commitments,
				reports: t.reports,
				creditTown: credit.get(t.townId) ?? null
			}))
	});
});
