import { error } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import * as enterprises from '$lib/server/enterprises';
import { parseListQuery } from '$lib/server/campaign-query';
import { download } from '$lib/server/tabular';
import { enterpriseExportColumns } from '$lib/server/campaign-exports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const q = parseListQuery(event.url);
	if ('error' in q) error(400, q.error);
	const rows = enterprises.all({ townIds: townScope(u), townId: q.townId, q: q.q });
	return download(event.url.searchParams.get('format'), '企业名录', enterpriseExportColumns, rows);
};
