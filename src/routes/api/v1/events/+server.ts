import * as events from '$lib/server/events';
import * as query from '$lib/server/query';
import { openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/** Public events, newest first: `?town=<slug>&theme=<主题>&from=YYYY-MM-DD&to=YYYY-MM-DD&page=`. */
export const GET: RequestHandler = openData.api(({ url }) => {
	const q = query.list(
		url,
		{ town: query.town, theme: events.themeNamed, ...events.PERIOD },
		{ pageSize: 50, maxPageSize: 100 }
	);
	const { town, theme, from, to } = events.checkPeriod(q.filters);
	return openData.ok(
		events.publicList({
			townId: town?.id,
			themeId: theme,
			from,
			to,
			page: q.page,
			pageSize: q.pageSize
		})
	);
});
