/** Words for consumer feedback, shared by the public and staff pages. */
export const FEEDBACK_CATEGORIES = [
	'price',
	'weight',
	'quality',
	'service',
	'advertising',
	'other'
] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

/** 待核实 → 属实 / 不属实 / 已调解. */
export const FEEDBACK_STATUSES = ['pending', 'verified', 'unfounded', 'mediated'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
/** What an officer may decide pending feedback is. */
export const FEEDBACK_DECISIONS = [
	'verified',
	'unfounded',
	'mediated'
] as const satisfies readonly FeedbackStatus[];

/** Where the consumer wrote from. `forged` is a report of a code that does not verify. */
export const FEEDBACK_SOURCES = ['scan', 'merchant_page', 'forged'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export const CATEGORY_LABEL: Record<FeedbackCategory, string> = {
	price: '价格',
	weight: '计量/短斤少两',
	quality: '质量',
	service: '服务',
	advertising: '虚假宣传',
	other: '其他'
};

export const STATUS_LABEL: Record<FeedbackStatus, string> = {
	pending: '待核实',
	verified: '属实',
	unfounded: '不属实',
	mediated: '已调解'
};

export const SOURCE_LABEL: Record<FeedbackSource, string> = {
	scan: '扫码反馈',
	merchant_page: '商户页面反馈',
	forged: '举报假冒二维码'
};

/** 13812341234 → 138****1234; other numbers keep only their first 3 and last 2 digits. */
export function maskPhone(phone: string): string {
	const p = phone.replace(/\s+/g, '');
	if (!p) return '';
	if (/^1\d{10}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`;
	if (p.length <= 5) return '*'.repeat(p.length);
	return `${p.slice(0, 3)}${'*'.repeat(p.length - 5)}${p.slice(-2)}`;
}
