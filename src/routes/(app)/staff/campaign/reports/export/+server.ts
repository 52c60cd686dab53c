import { error } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import { parseListQuery, reportExportColumns } from '$lib/server/campaign';
import { tabular } from '$lib/server/files';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const q = parseListQuery(event.url);
	if ('error' in q) error(400, q.error);
	const rows = campaign.allReports({ townIds: townScope(u), ...q });
	return tabular.download(
		event.url.searchParams.get('format'),
		`${q.year}年补充信息及信用报告`,
		reportExportColumns,
		rows
	);
};
