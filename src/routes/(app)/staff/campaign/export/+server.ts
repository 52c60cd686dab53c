import { error } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import { parseYear } from '$lib/server/campaign';
import { tabular } from '$lib/server/files';
import type { RequestHandler } from './$types';

const PACE = { on_track: '正常', behind: '滞后', no_target: '未设目标' };

/** The dashboard's per-town table as a spreadsheet. */
export const GET: RequestHandler = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const year = parseYear(event.url.searchParams.get('year'));
	if (typeof year === 'object') error(400, year.error);
	const d = campaign.dashboard(year);
	const scope = townScope(u);
	const rows = d.towns
		.filter((t) => !scope || scope.includes(t.townId))
		.sort((a, b) => a.rank - b.rank);
	type Row = (typeof rows)[number];
	return tabular.download(
		event.url.searchParams.get('format'),
		`${year}年信用承诺工作进度`,
		[
			{ header: '排名', value: (r: Row) => r.rank },
			{ header: '街镇园区', value: (r: Row) => r.name, width: 20 },
			{ header: '承诺企业数', value: (r: Row) => r.commitments.count },
			{ header: '承诺目标', value: (r: Row) => r.commitments.target },
			{ header: '承诺完成率', value: (r: Row) => (r.commitmentPct * 100).toFixed(1) + '%' },
			{ header: '进度', value: (r: Row) => PACE[r.pace] },
			{ header: '信用报告数', value: (r: Row) => r.reports.count },
			{ header: '报告目标', value: (r: Row) => r.reports.target },
			{ header: '本周新增承诺', value: (r: Row) => r.weekCommitments },
			{ header: '填报截至日期', value: (r: Row) => r.reported?.asOf },
			{ header: '填报承诺数', value: (r: Row) => r.reported?.commitments },
			{ header: '填报报告数', value: (r: Row) => r.reported?.reports },
			{
				header: '填报与明细一致',
				value: (r: Row) => (r.reported ? (r.reported.disagrees ? '否' : '是') : '')
			}
		],
		rows
	);
};
