import { requireRole } from '$lib/server/access';
import * as events from '$lib/server/events';
import { readFilter } from '$lib/server/events';
import { tabular } from '$lib/server/files';
import { todayISO } from '$lib/format';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const { filter } = readFilter(event.url, u);
	return tabular.download(
		event.url.searchParams.get('format'),
		`宣传教育活动-${todayISO()}`,
		events.exportColumns,
		events.all(filter, 100_000)
	);
};
