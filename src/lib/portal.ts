/**
 * Words for the merchant's own area and the loop around it: merchant replies awaiting moderation,
 * re-inspection requests, appeals, and the consumer's receipt.
 */

/** 商户回应 as the merchant wrote it: an officer approves it before it is public. */
export const REPLY_STATUSES = ['pending', 'approved', 'refused'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];
export const REPLY_STATUS_LABEL: Record<ReplyStatus, string> = {
	pending: '待审核',
	approved: '已公开',
	refused: '未通过'
};

/** What a merchant replies to: a consumer's feedback, or an entry of its honesty archive. */
export const REPLY_TARGETS = ['feedback', 'archive'] as const;
export type ReplyTarget = (typeof REPLY_TARGETS)[number];
export const REPLY_TARGET_LABEL: Record<ReplyTarget, string> = {
	feedback: '消费者反馈',
	archive: '诚信档案记录'
};

/** 整改复查申请. */
export const REINSPECTION_STATUSES = ['open', 'done'] as const;
export type ReinspectionStatus = (typeof REINSPECTION_STATUSES)[number];
export const REINSPECTION_STATUS_LABEL: Record<ReinspectionStatus, string> = {
	open: '待复查',
	done: '已处理'
};

/** 申诉: a district admin who did not decide the finding rules. */
export const APPEAL_STATUSES = ['pending', 'upheld', 'dismissed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_STATUS_LABEL: Record<AppealStatus, string> = {
	pending: '待裁决',
	upheld: '申诉成立',
	dismissed: '申诉驳回'
};
export const APPEAL_DECISIONS = ['upheld', 'dismissed'] as const satisfies readonly AppealStatus[];

/** Days after a 属实 finding or a deduction within which the merchant may appeal. */
export const APPEAL_WINDOW_DAYS = 15;

/** FK-20261201-0042: the day of submission and its number that day. */
export function formatReceiptNo(day: string, n: number): string {
	return `FK-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}
