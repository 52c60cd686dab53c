import { json } from '@sveltejs/kit';
import * as campaign from '$lib/server/campaign';
import { parseYear } from '$lib/server/campaign';
import type { RequestHandler } from './$types';

/** Open data: each town's progress for a year. */
export const GET: RequestHandler = ({ url, setHeaders }) => {
	const year = parseYear(url.searchParams.get('year'));
	if (typeof year === 'object') return json(year, { status: 400 });
	const p = campaign.progress(year);
	setHeaders({ 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' });
	return json({
		year,
		items: p.towns.map((t) => ({
			slug: t.slug,
			name: t.name,
			commitments: t.commitments,
			reports: t.reports
		}))
	});
};
