import { error } from '@sveltejs/kit';
import * as campaign from '$lib/server/campaign';
import * as towns from '$lib/server/towns';
import { parseListQuery } from '$lib/server/campaign';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, setHeaders }) => {
	const q = parseListQuery(url, { allYears: true });
	if ('error' in q) error(400, q.error);
	setHeaders({ 'cache-control': 'public, max-age=60' });
	const list = campaign.publicCommitments({
		year: q.year || undefined,
		townId: q.townId,
		q: q.q,
		page: q.page
	});
	return {
		list,
		filter: { q: q.q ?? '', town: q.townSlug ?? '', year: q.year ? String(q.year) : '' },
		towns: towns.list().map((t) => ({ slug: t.slug, name: t.name })),
		years: campaign.listYears()
	};
};
