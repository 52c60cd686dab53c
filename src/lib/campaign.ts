/** Labels of the commitment campaign, shared by pages and server. */
export const DEFAULT_COMMITMENT_TYPES = [
	'诚信经营承诺',
	'告知承诺',
	'行业自律承诺',
	'信用修复承诺'
];

export const CHANNELS = ['信用松江网站', '企业门户', '现场公示', '其他'] as const;

export const REPORT_ITEMS = [
	'纳税',
	'社保',
	'公积金',
	'水电燃气',
	'知识产权',
	'科技研发',
	'荣誉资质',
	'其他'
] as const;

export const COMMITMENT_STATUS_LABEL = { published: '公示中', withdrawn: '已撤回' } as const;

export const REPORT_STATUS_LABEL = {
	applied: '已申请',
	disclosed: '已公示补充信息',
	issued: '已出具信用报告'
} as const;

export type ReportStatus = keyof typeof REPORT_STATUS_LABEL;

export function reportStatusFromLabel(label: string): ReportStatus | undefined {
	const entry = Object.entries(REPORT_STATUS_LABEL).find(([, l]) => l === label.trim());
	return entry?.[0] as ReportStatus | undefined;
}

export const COMMITMENT_COLUMNS = [
	'企业名称',
	'统一社会信用代码',
	'所属街镇',
	'承诺类型',
	'公示日期',
	'公示渠道',
	'公示链接'
];
export const COMMITMENT_REQUIRED = COMMITMENT_COLUMNS.slice(0, 6);

export const REPORT_COLUMNS = [
	'企业名称',
	'统一社会信用代码',
	'所属街镇',
	'补充信息项',
	'公示日期',
	'报告编号',
	'出具机构',
	'出具日期',
	'状态'
];
export const REPORT_REQUIRED = REPORT_COLUMNS.slice(0, 4);
