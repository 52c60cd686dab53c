import * as query from '$lib/server/query';
import * as stories from '$lib/server/stories';
import { openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/** Published honesty stories, newest first: `?q=&town=<slug>&tag=&page=&pageSize=`. */
export const GET: RequestHandler = openData.api(({ url }) => {
	const q = query.list(url, stories.PUBLIC_LIST, { pageSize: 50, maxPageSize: 100 });
	const { town, tag } = q.filters;
	const found = stories.publicList({
		townId: town?.id,
		tag,
		q: q.q,
		limit: q.limit,
		offset: q.offset
	});
	const items = found.items.map((s) => ({
		id: s.id,
		title: s.title,
		subjectKind: s.subjectKind,
		subjectName: s.subjectName,
		merchantId: s.merchantId,
		town: s.townSlug,
		townName: s.townName,
		tags: s.tags,
		source: s.source,
		body: s.body,
		photos: s.photos,
		publishedAt: s.publishedAt?.toISOString() ?? null,
		url: `/stories/${s.id}`
	}));
	return openData.ok(query.paged(items, found.total, q));
});
