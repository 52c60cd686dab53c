/** Words for honest-metrology demonstration units (诚信计量示范单位), for schema, forms and pages. */

export const UNIT_KINDS = [
	'wet_market',
	'supermarket',
	'petrol_station',
	'optician',
	'jeweller',
	'pharmacy',
	'fair_market',
	'other'
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
	wet_market: '农贸市场',
	supermarket: '超市',
	petrol_station: '加油站',
	optician: '眼镜店',
	jeweller: '珠宝店',
	pharmacy: '药店',
	fair_market: '集贸市场',
	other: '其他'
};

/** The kinds that keep public fair scales (公平秤) for shoppers to re-weigh. */
export const MARKET_KINDS = [
	'wet_market',
	'fair_market',
	'supermarket'
] as const satisfies readonly UnitKind[];

/** 创建中 → 已命名 → 已撤销. */
export const UNIT_STATUSES = ['building', 'named', 'revoked'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const UNIT_STATUS_LABEL: Record<UnitStatus, string> = {
	building: '创建中',
	named: '已命名',
	revoked: '已撤销'
};

export const SCALE_CHECK_RESULTS = ['pass', 'fail'] as const;
export type ScaleCheckResult = (typeof SCALE_CHECK_RESULTS)[number];

export const SCALE_CHECK_RESULT_LABEL: Record<ScaleCheckResult, string> = {
	pass: '准确',
	fail: '不准确'
};

/** A named unit is reviewed every year: due this many days after its naming or last review. */
export const REVIEW_DAYS = 365;

/** Row 39's responsible unit (责任单位): its officers read every town's units. */
export const METROLOGY_DEPARTMENT = '区市场监管局';
