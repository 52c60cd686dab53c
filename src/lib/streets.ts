/**
 * The words of the honesty streets, safe for the browser: one tuple and one label map per
 * vocabulary, imported by the drizzle schema, the zod schemas and the pages alike.
 */

/** A merchant's current level; `none` is 未达标 or not yet rated. */
export const LEVELS = ['model', 'honest', 'none'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABEL: Record<Level, string> = {
	model: '诚信经营模范商户',
	honest: '诚信经营商户',
	none: '未达标'
};

/** The same levels in fewer characters, for the map and tight tables. */
export const LEVEL_SHORT: Record<Level, string> = {
	model: '模范商户',
	honest: '诚信商户',
	none: '未达标'
};

/** The levels a badge can be granted at. */
export const BADGE_LEVELS = ['model', 'honest'] as const;
export type BadgeLevel = (typeof BADGE_LEVELS)[number];

export const BADGE_LEVEL_LABEL: Record<BadgeLevel, string> = {
	model: LEVEL_LABEL.model,
	honest: LEVEL_LABEL.honest
};

/** 有效, 已降级, 已暂停, 已撤销, 已过期. */
export const BADGE_STATES = ['valid', 'downgraded', 'suspended', 'revoked', 'expired'] as const;
export type BadgeState = (typeof BADGE_STATES)[number];

export const BADGE_STATE_LABEL: Record<BadgeState, string> = {
	valid: '有效',
	downgraded: '已降级',
	suspended: '已暂停',
	revoked: '已撤销',
	expired: '已过期'
};

export const STREET_STATUSES = ['building', 'awarded', 'withdrawn'] as const;
export type StreetStatus = (typeof STREET_STATUSES)[number];

/** A street's drawn shape as GeoJSON: a line or a polygon, coordinates [lng, lat] in WGS-84. */
export type StreetGeometry =
	| { type: 'LineString'; coordinates: [number, number][] }
	| { type: 'Polygon'; coordinates: [number, number][][] };

export const STREET_STATUS_LABEL: Record<StreetStatus, string> = {
	building: '创建中',
	awarded: '已授牌',
	withdrawn: '已摘牌'
};

export const MERCHANT_CATEGORIES = ['catering', 'retail', 'food', 'service', 'other'] as const;
export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number];

export const CATEGORY_LABEL: Record<MerchantCategory, string> = {
	catering: '餐饮',
	retail: '零售',
	food: '食品',
	service: '服务',
	other: '其他'
};

export const TRADING_STATUSES = ['open', 'paused', 'closed'] as const;
export type TradingStatus = (typeof TRADING_STATUSES)[number];

export const TRADING_STATUS_LABEL: Record<TradingStatus, string> = {
	open: '正常营业',
	paused: '暂停营业',
	closed: '已关闭'
};

export const INSTRUMENT_TYPES = [
	'price_scale',
	'platform_scale',
	'fuel_dispenser',
	'other'
] as const;
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];

export const INSTRUMENT_TYPE_LABEL: Record<InstrumentType, string> = {
	price_scale: '电子计价秤',
	platform_scale: '台秤',
	fuel_dispenser: '加油机',
	other: '其他'
};

/** Where an instrument stands against its verification dates (computed, not stored). */
export const INSTRUMENT_STATUSES = ['ok', 'due_soon', 'overdue', 'unknown', 'retired'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

export const INSTRUMENT_STATUS_LABEL: Record<InstrumentStatus, string> = {
	ok: '检定有效',
	due_soon: '即将到期',
	overdue: '已超期',
	unknown: '未登记检定',
	retired: '已停用'
};

export const STANDARD_KINDS = ['merchant', 'street', 'metrology_unit', 'credit_town'] as const;
export type StandardKind = (typeof STANDARD_KINDS)[number];

export const STANDARD_KIND_LABEL: Record<StandardKind, string> = {
	merchant: '商户诚信经营评价标准',
	street: '诚信示范街创建标准',
	metrology_unit: '诚信计量示范单位创建标准',
	credit_town: '信用街镇示范创建标准'
};

export const STANDARD_STATUSES = ['draft', 'published', 'retired'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

export const STANDARD_STATUS_LABEL: Record<StandardStatus, string> = {
	draft: '草稿',
	published: '现行',
	retired: '已停用'
};

/** `superseded`: a submitted inspection amended by a later version, kept as it was. */
export const INSPECTION_STATUSES = ['draft', 'submitted', 'superseded'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const INSPECTION_STATUS_LABEL: Record<InspectionStatus, string> = {
	draft: '草稿',
	submitted: '已提交',
	superseded: '已更正'
};

/**
 * Kinds of archive entry. The supervision kinds (complaint … commendation, veto) carry point
 * changes; the others record what happened.
 */
export const ARCHIVE_KINDS = [
	'inspection',
	'badge_granted',
	'badge_state',
	'complaint',
	'penalty',
	'spot_check_failed',
	'rectification',
	'commendation',
	'veto',
	'instrument_check',
	'note',
	'reply',
	'reinspection_request',
	'appeal',
	'reversal',
	'commitment',
	'correction'
] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

export const ARCHIVE_KIND_LABEL: Record<ArchiveKind, string> = {
	inspection: '检查评审',
	badge_granted: '授牌',
	badge_state: '牌匾状态变更',
	complaint: '投诉属实',
	penalty: '行政处罚',
	spot_check_failed: '抽查不合格',
	rectification: '整改到位',
	commendation: '表彰奖励',
	veto: '一票否决事项',
	instrument_check: '计量器具检定',
	note: '备注',
	reply: '商户回应',
	reinspection_request: '整改复查申请',
	appeal: '商户申诉',
	reversal: '申诉成立，撤销认定',
	commitment: '签署诚信经营承诺',
	correction: '更正检查评审'
};

/** The archive kinds that move a merchant's running score. */
export const SUPERVISION_KINDS = [
	'complaint',
	'penalty',
	'spot_check_failed',
	'rectification',
	'commendation',
	'veto'
] as const satisfies readonly ArchiveKind[];
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

export const SUPERVISION_KIND_LABEL: Record<SupervisionKind, string> = {
	complaint: ARCHIVE_KIND_LABEL.complaint,
	penalty: ARCHIVE_KIND_LABEL.penalty,
	spot_check_failed: ARCHIVE_KIND_LABEL.spot_check_failed,
	rectification: ARCHIVE_KIND_LABEL.rectification,
	commendation: ARCHIVE_KIND_LABEL.commendation,
	veto: ARCHIVE_KIND_LABEL.veto
};

/** A street's outline as a form sent it back (JSON), or `fallback` when there is none or it is not JSON. */
export function parseGeometry<F>(raw: unknown, fallback: F): StreetGeometry | null | F {
	if (!raw) return fallback;
	try {
		return JSON.parse(String(raw));
	} catch {
		return fallback;
	}
}
