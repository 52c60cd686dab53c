/** Words for the work plan: units, progress reports and their periods, shared by schema, forms and pages. */

/** A responsible unit (责任单位) is a town (街镇园区) or a district department (区级部门). */
export const UNIT_KINDS = ['town', 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
	town: '街镇园区',
	department: '区级部门'
};

/** The departments the plan names, seeded on first start; district admins add more. */
export const SEED_DEPARTMENTS = [
	'区发展改革委',
	'区经委',
	'区市场监管局',
	'区文明办',
	'团区委',
	'区文化旅游局',
	'区教育局',
	'区政务服务办',
	'区大数据中心'
] as const;

/** How often each responsible unit reports its progress. */
export const CADENCES = ['monthly', 'quarterly'] as const;
export type Cadence = (typeof CADENCES)[number];

export const CADENCE_LABEL: Record<Cadence, string> = {
	monthly: '每月',
	quarterly: '每季度'
};

/** A progress report's life: draft → submitted → returned (退回修改) → submitted → accepted. */
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABEL: Record<ReportStatus, string> = {
	draft: '草稿',
	submitted: '已报送',
	returned: '退回修改',
	accepted: '已采纳'
};

/** What a cell of the reporting grid says about one unit's report for one period. */
export const GRID_STATES = ['on_time', 'late', 'returned', 'missing', 'pending'] as const;
export type GridState = (typeof GRID_STATES)[number];

export const GRID_STATE_LABEL: Record<GridState, string> = {
	on_time: '按时',
	late: '逾期',
	returned: '退回',
	missing: '未报',
	pending: '未到期'
};

/** The kinds of attachment a progress report keeps. */
export const ATTACHMENT_KINDS = ['pdf', 'image', 'office'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** A unit's key in URLs and form values: `town-3`, `department-2`. */
export type UnitRef = { kind: UnitKind; id: number };

export function unitKey(u: UnitRef): string {
	return `${u.kind}-${u.id}`;
}

export function parseUnitKey(s: string): UnitRef | null {
	const m = /^(town|department)-(\d+)$/.exec(s);
	return m ? { kind: m[1] as UnitKind, id: Number(m[2]) } : null;
}

/** Periods of a year for a cadence: `2026-03` (month) or `2026-Q1` (quarter). */
export function periodsOf(year: number, cadence: Cadence): string[] {
	if (cadence === 'quarterly') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
	return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

export function periodLabel(p: string): string {
	const q = /^(\d{4})-Q([1-4])$/.exec(p);
	if (q) return `${q[1]}年第${q[2]}季度`;
	const m = /^(\d{4})-(\d{2})$/.exec(p);
	return m ? `${m[1]}年${Number(m[2])}月` : p;
}

/** The last month of a period, YYYY-MM. */
function lastMonth(p: string): string {
	const q = /^(\d{4})-Q([1-4])$/.exec(p);
	if (q) return `${q[1]}-${String(Number(q[2]) * 3).padStart(2, '0')}`;
	return p;
}

/**
 * The day a period's report is due: the `dueDay` of the month after the period ends (March's
 * report, or the first quarter's, by 5 April when the due day is 5), clamped to that month's length.
 */
export function dueDate(p: string, dueDay: number): string {
	const [y, m] = lastMonth(p).split('-').map(Number);
	const ny = m === 12 ? y + 1 : y;
	const nm = m === 12 ? 1 : m + 1;
	const days = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
	const d = Math.min(Math.max(1, dueDay), days);
	return `${ny}-${String(nm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The period a day falls in. */
export function periodOf(day: string, cadence: Cadence): string {
	const y = day.slice(0, 4);
	const m = Number(day.slice(5, 7));
	return cadence === 'quarterly' ? `${y}-Q${Math.ceil(m / 3)}` : day.slice(0, 7);
}

/**
 * A grid cell: a report first submitted on or before its due day is on time, after it late —
 * a return for changes does not move that (the unit was on time; the fix is the review's
 * business); a report sent back and not yet resubmitted shows as returned; none submitted once
 * the due day has passed is missing, before it pending.
 */
export function gridState(
	report: { status: ReportStatus; firstSubmittedOn: string | null } | undefined,
	due: string,
	today: string
): GridState {
	if (report?.status === 'returned') return 'returned';
	if (report && report.firstSubmittedOn && report.status !== 'draft')
		return report.firstSubmittedOn <= due ? 'on_time' : 'late';
	return today > due ? 'missing' : 'pending';
}
