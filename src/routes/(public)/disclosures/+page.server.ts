import * as query from '$lib/server/query';
import * as campaign from '$lib/server/campaign';
import * as towns from '$lib/server/towns';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, setHeaders }) => {
	const q = query.list(url, { year: query.year, town: query.town });
	const { year, town } = q.filters;
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return {
		list: campaign.publicCommitments({
			year,
			townId: town?.id,
			q: q.q,
			page: q.page,
			pageSize: q.pageSize
		}),
		filter: { q: q.q ?? '', town: town?.slug ?? '', year: year ? String(year) : '' },
		towns: towns.list().map((t) => ({ slug: t.slug, name: t.name })),
		years: campaign.listYears()
	};
};
