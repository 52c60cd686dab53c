import * as query from '$lib/server/query';
import * as campaign from '$lib/server/campaign';
import { openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/** Open data: published commitment disclosures, 50 a page (`pageSize` up to 200). */
export const GET: RequestHandler = openData.api(({ url }) => {
	const q = query.list(url, { year: query.year, town: query.town });
	const { year, town } = q.filters;
	const list = campaign.publicCommitments({
		year,
		townId: town?.id,
		q: q.q,
		page: q.page,
		pageSize: q.pageSize
	});
	const items = list.items.map((c) => ({
		id: c.id,
		enterprise: { name: c.enterpriseName, uscc: c.uscc },
		town: { slug: c.townSlug, name: c.townName },
		year: c.year,
		type: c.type,
		disclosedOn: c.disclosedOn,
		channel: c.channel,
		link: c.link
	}));
	return openData.ok(query.paged(items, list.total, q));
});
