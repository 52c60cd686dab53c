/**
 * The words of credit-town demonstration creation (信用街镇示范创建), safe for the browser: one
 * tuple and one label map per vocabulary, imported by the drizzle schema, zod and the pages.
 */

/**
 * An application's life: a draft the town fills, 申报 (submitted), 退回修改 (returned to the town),
 * 创建中 (accepted by the district and under review), then 已命名 or 未通过; a named town is later
 * 已撤销 (by a failed yearly review or by the district) or 已过期 (past its last valid day).
 */
export const CREDIT_TOWN_STATUSES = [
	'draft',
	'submitted',
	'returned',
	'building',
	'named',
	'failed',
	'revoked',
	'expired'
] as const;
export type CreditTownStatus = (typeof CREDIT_TOWN_STATUSES)[number];

export const CREDIT_TOWN_STATUS_LABEL: Record<CreditTownStatus, string> = {
	draft: '草稿',
	submitted: '已申报',
	returned: '退回修改',
	building: '创建中',
	named: '已命名',
	failed: '未通过',
	revoked: '已撤销',
	expired: '已过期'
};

/** The statuses in which a town has an application open (one at a time). */
export const OPEN_STATUSES: readonly CreditTownStatus[] = [
	'draft',
	'submitted',
	'returned',
	'building',
	'named'
];

/** The statuses the town itself may edit its evidence in. */
export const EDITABLE_STATUSES: readonly CreditTownStatus[] = ['draft', 'returned'];

/** A name lasts three years, reviewed every year. */
export const VALID_YEARS = 3;
export const REVIEW_MONTHS = 12;

/** The pass mark of a creation standard with none set. */
export const DEFAULT_PASS_MARK = 80;

/** The public badge beside a named town. */
export const CREDIT_TOWN_BADGE = '信用街镇示范';
