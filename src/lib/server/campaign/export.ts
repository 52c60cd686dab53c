/** Columns of the campaign exports. */
import type { Column } from '../files/tabular';
import type { CommitmentRow, ReportRow } from './campaign';
import type { Enterprise } from '../db/schema';
import * as towns from '../towns';
import { COMMITMENT_STATUS_LABEL, REPORT_STATUS_LABEL } from '../../campaign-labels';

export function commitmentExportColumns(withStatus: boolean): Column<CommitmentRow>[] {
	const cols: Column<CommitmentRow>[] = [
		{ header: '企业名称', value: (r) => r.enterpriseName, width: 36 },
		{ header: '统一社会信用代码', value: (r) => r.uscc, width: 22 },
		{ header: '所属街镇', value: (r) => r.townName, width: 16 },
		{ header: '承诺类型', value: (r) => r.type, width: 16 },
		{ header: '公示日期', value: (r) => r.disclosedOn, width: 12 },
		{ header: '公示渠道', value: (r) => r.channel, width: 14 },
		{ header: '公示链接', value: (r) => r.link, width: 30 }
	];
	if (withStatus)
		cols.push(
			{ header: '年度', value: (r) => r.year },
			{ header: '状态', value: (r) => COMMITMENT_STATUS_LABEL[r.status] }
		);
	return cols;
}

export const reportExportColumns: Column<ReportRow>[] = [
	{ header: '企业名称', value: (r) => r.enterpriseName, width: 36 },
	{ header: '统一社会信用代码', value: (r) => r.uscc, width: 22 },
	{ header: '所属街镇', value: (r) => r.townName, width: 16 },
	{ header: '补充信息项', value: (r) => r.items.join('、'), width: 24 },
	{ header: '公示日期', value: (r) => r.disclosedOn, width: 12 },
	{ header: '报告编号', value: (r) => r.reportNo, width: 18 },
	{ header: '出具机构', value: (r) => r.agency, width: 30 },
	{ header: '出具日期', value: (r) => r.issuedOn, width: 12 },
	{ header: '状态', value: (r) => REPORT_STATUS_LABEL[r.status], width: 16 },
	{ header: '年度', value: (r) => r.year }
];

export const enterpriseExportColumns: Column<Enterprise>[] = [
	{ header: '企业名称', value: (r) => r.name, width: 36 },
	{ header: '统一社会信用代码', value: (r) => r.uscc, width: 22 },
	{ header: '所属街镇', value: (r) => towns.byId(r.townId)?.name, width: 16 },
	{ header: '地址', value: (r) => r.address, width: 36 },
	{ header: '行业', value: (r) => r.industry, width: 16 }
];
