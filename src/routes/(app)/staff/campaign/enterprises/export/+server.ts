import { error } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import { enterprises, parseListQuery, enterpriseExportColumns } from '$lib/server/campaign';
import { tabular } from '$lib/server/files';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const q = parseListQuery(event.url);
	if ('error' in q) error(400, q.error);
	const rows = enterprises.all({ townIds: townScope(u), townId: q.townId, q: q.q });
	return tabular.download(
		event.url.searchParams.get('format'),
		'企业名录',
		enterpriseExportColumns,
		rows
	);
};
