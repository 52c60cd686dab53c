/**
 * What the staff lists of the campaign share: who may look, the parameters they read (`town` by
 * slug, `year`, `status`, `q`, paging) and the pickers they show.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { requireRole, townScope, visibleTowns } from '$lib/server/access';
import * as query from '$lib/server/query';
import * as campaign from '$lib/server/campaign';

export function listParams<S extends string>(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	statuses: readonly S[] = [],
	labels?: Record<S, string>
) {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const q = query.list(event.url, {
		town: query.town,
		year: query.year,
		status: query.oneOf(statuses, labels)
	});
	const { town, year = campaign.currentYear(), status } = q.filters;
	return {
		filter: {
			townIds: townScope(u),
			townId: town?.id,
			q: q.q,
			year,
			status,
			page: q.page,
			pageSize: q.pageSize
		} satisfies campaign.ListFilter,
		view: {
			filter: { q: q.q ?? '', town: town?.slug ?? '', year: String(year), status: status ?? '' },
			towns: visibleTowns(u).map((t) => ({ slug: t.slug, name: t.name })),
			years: campaign.listYears()
		}
	};
}
