/**
 * The commitment campaign's vocabulary, browser-safe: one tuple and one label map per enum, used by
 * the drizzle schema, the zod schemas, the server and the pages.
 */
export const DEFAULT_COMMITMENT_TYPES = [
	'诚信经营承诺',
	'告知承诺',
	'行业自律承诺',
	'信用修复承诺'
];

/** 公示渠道: the value is what is shown. */
export const CHANNELS = ['信用松江网站', '企业门户', '现场公示', '其他'] as const;

/** 补充信息项: the value is what is shown. */
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

export const COMMITMENT_STATUSES = ['published', 'withdrawn'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const COMMITMENT_STATUS_LABEL: Record<CommitmentStatus, string> = {
	published: '公示中',
	withdrawn: '已撤回'
};

/** A credit report moves applied → disclosed → issued; only issued ones count. */
export const REPORT_STATUSES = ['applied', 'disclosed', 'issued'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABEL: Record<ReportStatus, string> = {
	applied: '已申请',
	disclosed: '已公示补充信息',
	issued: '已出具信用报告'
};

export function reportStatusFromLabel(label: string): ReportStatus | undefined {
	return REPORT_STATUSES.find((s) => REPORT_STATUS_LABEL[s] === label.trim());
}

/** A town's pace: its share of the target against the share of the year gone. */
/** A filed count: the one that counts, corrected by a later filing, or withdrawn. */
export const COUNT_STATES = ['current', 'corrected', 'withdrawn'] as const;
export type CountState = (typeof COUNT_STATES)[number];
export const COUNT_STATE_LABEL: Record<CountState, string> = {
	current: '有效',
	corrected: '已更正',
	withdrawn: '已撤回'
};

export const PACES = ['on_track', 'behind', 'no_target'] as const;
export type Pace = (typeof PACES)[number];
export const PACE_LABEL: Record<Pace, string> = {
	on_track: '正常',
	behind: '滞后',
	no_target: '未设目标'
};

/** Columns of the import spreadsheets, in order; the first ones are required. */
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
