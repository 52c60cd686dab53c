import { json } from '@sveltejs/kit';
import * as campaign from '$lib/server/campaign';
import { parseListQuery } from '$lib/server/campaign';
import type { RequestHandler } from './$types';

/** Open data: published commitment disclosures, 50 a page. */
export const GET: RequestHandler = ({ url, setHeaders }) => {
	const q = parseListQuery(url, { allYears: true });
	if ('error' in q) return json(q, { status: 400 });
	const list = campaign.publicCommitments({
		year: q.year || undefined,
		townId: q.townId,
		q: q.q,
		page: q.page
	});
	setHeaders({ 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' });
	return json({
		items: list.items.map((c) => ({
			id: c.id,
			enterprise: { name: c.enterpriseName, uscc: c.uscc },
			town: { slug: c.townSlug, name: c.townName },
			year: c.year,
			type: c.type,
			disclosedOn: c.disclosedOn,
			channel: c.channel,
			link: c.link
		})),
		page: list.page,
		pageSize: list.pageSize,
		total: list.total
	});
};
