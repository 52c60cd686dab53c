import { error } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import { parseYear } from '$lib/server/campaign';
import { tabular } from '$lib/server/files';
import { formatDateTime } from '$lib/format';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const year = parseYear(event.url.searchParams.get('year'));
	if (typeof year === 'object') error(400, year.error);
	const rows = campaign.listCounts({ townIds: townScope(u), year });
	type Row = (typeof rows)[number];
	return tabular.download(
		event.url.searchParams.get('format'),
		`${year}年进度填报`,
		[
			{ header: '街镇园区', value: (r: Row) => r.townName, width: 20 },
			{ header: '截至日期', value: (r: Row) => r.asOf, width: 12 },
			{ header: '承诺企业数', value: (r: Row) => r.commitments },
			{ header: '信用报告数', value: (r: Row) => r.reports },
			{ header: '说明', value: (r: Row) => r.note, width: 30 },
			{ header: '提交时间', value: (r: Row) => formatDateTime(r.createdAt), width: 18 }
		],
		rows
	);
};
