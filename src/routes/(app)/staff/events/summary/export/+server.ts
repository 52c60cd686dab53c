import { requireRole, townScope } from '$lib/server/access';
import * as events from '$lib/server/events';
import { tabular } from '$lib/server/files';
import { readPeriod } from '../period';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const period = readPeriod(event.url);
	const s = events.summary({ scope: townScope(u), ...period });
	type Row = { name: string; cells: Record<number, events.SummaryCell>; total: events.SummaryCell };
	const rows: Row[] = [
		...s.rows.map((r) => ({ name: r.townName, cells: r.byTheme, total: r.total })),
		{ name: '合计', cells: s.totals, total: s.grand }
	];
	const columns: tabular.Column<Row>[] = [
		{ header: '街镇', value: (r) => r.name, width: 18 },
		...s.themes.flatMap((t) => [
			{ header: `${t.name}（场）`, value: (r: Row) => r.cells[t.id].count },
			{ header: `${t.name}（人次）`, value: (r: Row) => r.cells[t.id].participants }
		]),
		{ header: '合计（场）', value: (r) => r.total.count },
		{ header: '合计（人次）', value: (r) => r.total.participants }
	];
	return tabular.download(
		event.url.searchParams.get('format'),
		`宣传教育活动统计-${period.from}至${period.to}`,
		columns,
		rows
	);
};
