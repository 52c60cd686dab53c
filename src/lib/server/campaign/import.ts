/**
 * Bulk entry of commitments and of supplementary reports from spreadsheets, for the web import
 * (preview, then commit) and the CLI alike: the two `files/imports` specs at the end. Checking
 * writes nothing; committing writes all good rows in one transaction and skips what is already
 * there, so the same file imported twice changes nothing the second time.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { validateUscc, withCheckCharacter } from '../../uscc';
import { parseDate, type Sheet } from '../files/tabular';
import { define, type BadRow, type Checked, type Outcome } from '../files/imports';
import * as imports from '../files/imports';
import { db, type Tx } from '../db';
import { campaignYear, commitment, creditReport, enterprise } from '../db/schema';
import * as audit from '../audit';
import * as towns from '../towns';
import * as campaign from './campaign';
import type { Actor } from '../actor';
import {
	CHANNELS,
	COMMITMENT_COLUMNS,
	COMMITMENT_REQUIRED,
	REPORT_COLUMNS,
	REPORT_ITEMS,
	REPORT_REQUIRED,
	REPORT_STATUS_LABEL,
	reportStatusFromLabel,
	type ReportStatus
} from '../../campaign';
import { todayISO } from '../../format';

type Scope = number[] | null;

type EnterpriseRef = { uscc: string; name: string; townId: number; townName: string };

export type CommitmentImportRow = EnterpriseRef & {
	year: number;
	type: string;
	disclosedOn: string;
	channel: string;
	link: string | null;
};

export type ReportImportRow = EnterpriseRef & Omit<campaign.ReportInput, 'enterpriseId' | 'pdfKey'>;

type Existing = Map<string, { townId: number }>;

/** The enterprises of the file that already exist, looked up in one pass. */
function existingEnterprises(codes: string[]): Existing {
	const out: Existing = new Map();
	const unique = [...new Set(codes)];
	for (let i = 0; i < unique.length; i += 500) {
		const rows = db
			.select({ uscc: enterprise.uscc, townId: enterprise.townId })
			.from(enterprise)
			.where(inArray(enterprise.uscc, unique.slice(i, i + 500)))
			.all();
		for (const r of rows) out.set(r.uscc, { townId: r.townId });
	}
	return out;
}

function summary(cells: Record<string, string>) {
	return [cells['企业名称'], cells['统一社会信用代码'], cells['所属街镇']]
		.filter(Boolean)
		.join(' · ');
}

/** The enterprise part of a row, or the reason it is refused. */
function checkEnterprise(
	cells: Record<string, string>,
	scope: Scope,
	existing: Existing
): EnterpriseRef | string {
	const name = (cells['企业名称'] ?? '').trim();
	if (!name) return '缺少企业名称';
	if (name.length > 100) return '企业名称超过 100 个字';
	const code = validateUscc(cells['统一社会信用代码'] ?? '');
	if (!code.ok) return code.message;
	const townName = (cells['所属街镇'] ?? '').trim();
	if (!townName) return '缺少所属街镇';
	const t = towns.byName(townName);
	if (!t || !t.active) return `所属街镇「${townName}」不存在，请填写街镇园区的全称，如「佘山镇」`;
	if (scope && !scope.includes(t.id)) return `「${t.name}」不是您负责的街镇，只能导入本街镇的企业`;
	const current = existing.get(code.code);
	if (current && scope && !scope.includes(current.townId))
		return `该企业登记在「${towns.byId(current.townId)?.name ?? '其他街镇'}」，不属于您负责的街镇`;
	return { uscc: code.code, name, townId: t.id, townName: t.name };
}

function checkDate(
	raw: string | undefined,
	label: string,
	year: number | null,
	today: string
): { error?: string; date?: string | null } {
	const s = (raw ?? '').trim();
	if (!s) return { error: `缺少${label}` };
	const d = parseDate(s);
	if (!d) return { error: `${label}「${s}」无法识别，请写成 2023-06-01、2023/6/1 或 2023年6月1日` };
	if (d > today) return { error: `${label} ${d} 晚于今天` };
	if (year !== null && Number(d.slice(0, 4)) !== year)
		return { error: `${label} ${d} 不在 ${year} 年度内` };
	return { date: d };
}

/**
 * The loop both checks share: each row's enterprise is checked first, then `rest` checks the
 * remaining cells and returns the row's value or the reason it is refused.
 */
function checkRows<T>(
	sheet: Sheet,
	scope: Scope,
	rest: (cells: Record<string, string>, e: EnterpriseRef, line: number) => T | string
): Checked<T> {
	const existing = existingEnterprises(
		sheet.rows.map((r) => validateUscc(r.cells['统一社会信用代码'] ?? '').code)
	);
	const good: Checked<T>['good'] = [];
	const bad: BadRow[] = [];
	for (const { line, cells } of sheet.rows) {
		const e = checkEnterprise(cells, scope, existing);
		const value = typeof e === 'string' ? e : rest(cells, e, line);
		if (typeof value === 'string') bad.push({ line, reason: value, summary: summary(cells) });
		else good.push({ line, value });
	}
	return { good, bad, total: sheet.rows.length };
}

export function checkCommitments(
	sheet: Sheet,
	opts: { year: number; scope: Scope; types: string[]; now?: Date }
): Checked<CommitmentImportRow> {
	const today = todayISO(opts.now);
	const seen = new Map<string, number>();
	const townOf = new Map<string, { townId: number; line: number }>();
	return checkRows(sheet, opts.scope, (cells, e, line): CommitmentImportRow | string => {
		const type = (cells['承诺类型'] ?? '').trim();
		if (!type) return '缺少承诺类型';
		if (!opts.types.includes(type))
			return `承诺类型「${type}」不在可选范围内：${opts.types.join('、')}`;
		const date = checkDate(cells['公示日期'], '公示日期', opts.year, today);
		if (date.error) return date.error;
		const channel = (cells['公示渠道'] ?? '').trim();
		if (!(CHANNELS as readonly string[]).includes(channel))
			return channel
				? `公示渠道「${channel}」不在可选范围内：${CHANNELS.join('、')}`
				: `缺少公示渠道（${CHANNELS.join('、')}）`;
		const link = (cells['公示链接'] ?? '').trim() || null;
		if (link && !/^https?:\/\/\S+$/i.test(link)) return '公示链接应以 http:// 或 https:// 开头';
		const other = townOf.get(e.uscc);
		if (other && other.townId !== e.townId) return `同一企业在第 ${other.line} 行填的是另一个街镇`;
		const key = `${e.uscc}|${type}|${date.date}`;
		const dup = seen.get(key);
		if (dup) return `与第 ${dup} 行重复（同一企业、承诺类型和公示日期）`;
		seen.set(key, line);
		townOf.set(e.uscc, { townId: e.townId, line });
		return { ...e, year: opts.year, type, disclosedOn: date.date!, channel, link };
	});
}

function parseItems(raw: string): string[] | string {
	const parts = raw
		.split(/[、,，;；/\s]+/)
		.map((s) => s.trim())
		.filter(Boolean);
	if (!parts.length) return `缺少补充信息项（${REPORT_ITEMS.join('、')}）`;
	const unknown = parts.filter((p) => !(REPORT_ITEMS as readonly string[]).includes(p));
	if (unknown.length)
		return `补充信息项「${unknown.join('、')}」不在可选范围内：${REPORT_ITEMS.join('、')}`;
	return [...new Set(parts)];
}

export function checkReports(
	sheet: Sheet,
	opts: { year: number; scope: Scope; now?: Date }
): Checked<ReportImportRow> {
	const today = todayISO(opts.now);
	const seen = new Map<string, number>();
	return checkRows(sheet, opts.scope, (cells, e, line): ReportImportRow | string => {
		const items = parseItems(cells['补充信息项'] ?? '');
		if (typeof items === 'string') return items;
		const optionalDate = (label: string) =>
			(cells[label] ?? '').trim() ? checkDate(cells[label], label, null, today) : { date: null };
		const disclosed = optionalDate('公示日期');
		if (disclosed.error) return disclosed.error;
		const issued = optionalDate('出具日期');
		if (issued.error) return issued.error;
		const reportNo = (cells['报告编号'] ?? '').trim() || null;
		const agency = (cells['出具机构'] ?? '').trim() || null;
		const statusRaw = (cells['状态'] ?? '').trim();
		let status: ReportStatus;
		if (statusRaw) {
			const s = reportStatusFromLabel(statusRaw);
			if (!s)
				return `状态「${statusRaw}」应为 ${Object.values(REPORT_STATUS_LABEL).join('、')} 之一`;
			status = s;
		} else status = reportNo && issued.date ? 'issued' : disclosed.date ? 'disclosed' : 'applied';
		if (status === 'issued') {
			const missing = [
				!reportNo && '报告编号',
				!agency && '出具机构',
				!issued.date && '出具日期'
			].filter(Boolean);
			if (missing.length) return `已出具信用报告须填写${missing.join('、')}`;
			if (Number(issued.date!.slice(0, 4)) !== opts.year)
				return `出具日期 ${issued.date} 不在 ${opts.year} 年度内`;
		}
		if (status === 'disclosed' && !disclosed.date) return '已公示补充信息须填写公示日期';
		const dup = seen.get(e.uscc);
		if (dup) return `与第 ${dup} 行重复（同一企业同一年度只有一份补充信息公示）`;
		seen.set(e.uscc, line);
		return {
			...e,
			year: opts.year,
			items,
			disclosedOn: disclosed.date ?? null,
			reportNo,
			agency,
			issuedOn: issued.date ?? null,
			status
		};
	});
}

export type CommitResult = {
	created: number;
	updated: number;
	unchanged: number;
	refused: number;
	enterprisesCreated: number;
	enterprisesMoved: number;
};

type Move = { id: number; uscc: string; from: number; to: number };

/**
 * Writes rows in one transaction: each row's enterprise is found, created or moved to the row's
 * town (never one outside the actor's towns: that row is refused), then `write` stores the row and
 * says what it did. Moves are audited; `finish` writes the import's own audit entry.
 */
function commitRows<R extends EnterpriseRef & { year: number }>(
	{ actor, scope, rows, now }: { actor: Actor; scope: Scope; rows: R[]; now: Date },
	write: (tx: Tx, enterpriseId: number, row: R) => 'created' | 'updated' | 'unchanged',
	finish: (tx: Tx, result: CommitResult) => void
): CommitResult {
	const out = db.transaction((tx) => {
		const result: CommitResult = {
			created: 0,
			updated: 0,
			unchanged: 0,
			refused: 0,
			enterprisesCreated: 0,
			enterprisesMoved: 0
		};
		const moved: Move[] = [];
		const find = tx
			.select({ id: enterprise.id, townId: enterprise.townId })
			.from(enterprise)
			.where(eq(enterprise.uscc, sql.placeholder('uscc')))
			.prepare();
		const years = new Set<number>();
		for (const row of rows) {
			const e = find.get({ uscc: row.uscc });
			let id: number;
			if (!e) {
				id = tx
					.insert(enterprise)
					.values({
						uscc: row.uscc,
						name: row.name,
						townId: row.townId,
						createdAt: now,
						updatedAt: now
					})
					.returning({ id: enterprise.id })
					.get().id;
				result.enterprisesCreated += 1;
			} else if (scope && !scope.includes(e.townId)) {
				result.refused += 1;
				continue;
			} else {
				id = e.id;
				if (e.townId !== row.townId) {
					tx.update(enterprise)
						.set({ townId: row.townId, name: row.name, updatedAt: now })
						.where(eq(enterprise.id, e.id))
						.run();
					moved.push({ id: e.id, uscc: row.uscc, from: e.townId, to: row.townId });
				}
			}
			years.add(row.year);
			result[write(tx, id, row)] += 1;
		}
		for (const year of years) tx.insert(campaignYear).values({ year }).onConflictDoNothing().run();
		for (const m of moved)
			audit.record(tx, actor, {
				action: 'enterprise.move',
				entityType: 'enterprise',
				entityId: m.id,
				townId: m.to,
				before: { uscc: m.uscc, townId: m.from },
				after: { uscc: m.uscc, townId: m.to }
			});
		result.enterprisesMoved = moved.length;
		finish(tx, result);
		return result;
	});
	return out;
}

export function commitCommitments(
	actor: Actor,
	scope: Scope,
	filename: string,
	rows: CommitmentImportRow[],
	now = new Date()
): CommitResult {
	let firstId: number | null = null;
	let lastId: number | null = null;
	return commitRows(
		{ actor, scope, rows, now },
		(tx, enterpriseId, row) => {
			const created = tx
				.insert(commitment)
				.values({
					enterpriseId,
					year: row.year,
					type: row.type,
					disclosedOn: row.disclosedOn,
					channel: row.channel,
					link: row.link,
					status: 'published',
					createdAt: now,
					createdBy: actor.id
				})
				.onConflictDoNothing()
				.returning({ id: commitment.id })
				.get();
			if (!created) return 'unchanged';
			lastId = created.id;
			firstId ??= lastId;
			return 'created';
		},
		(tx, result) =>
			audit.record(tx, actor, {
				action: 'commitment.import',
				entityType: 'commitment',
				entityId: firstId === null ? null : `${firstId}-${lastId}`,
				townId: scope?.length === 1 ? scope[0] : null,
				after: { filename, rows: rows.length, ...result }
			})
	);
}

export function commitReports(
	actor: Actor,
	scope: Scope,
	filename: string,
	rows: ReportImportRow[],
	now = new Date()
): CommitResult {
	const changed: unknown[] = [];
	const fields = ['items', 'disclosedOn', 'reportNo', 'agency', 'issuedOn', 'status'] as const;
	return commitRows(
		{ actor, scope, rows, now },
		(tx, enterpriseId, row) => {
			const { items, disclosedOn, reportNo, agency, issuedOn, status } = row;
			const values = { items, disclosedOn, reportNo, agency, issuedOn, status };
			const before = tx
				.select()
				.from(creditReport)
				.where(and(eq(creditReport.enterpriseId, enterpriseId), eq(creditReport.year, row.year)))
				.get();
			if (!before) {
				tx.insert(creditReport)
					.values({ enterpriseId, year: row.year, ...values, createdAt: now, updatedAt: now })
					.run();
				return 'created';
			}
			const same = (k: (typeof fields)[number]) =>
				k === 'items'
					? JSON.stringify(before.items) === JSON.stringify(values.items)
					: before[k] === values[k];
			if (fields.every(same)) return 'unchanged';
			tx.update(creditReport)
				.set({ ...values, updatedAt: now })
				.where(eq(creditReport.id, before.id))
				.run();
			changed.push({
				id: before.id,
				before: Object.fromEntries(fields.map((k) => [k, before[k]])),
				after: row
			});
			return 'updated';
		},
		(tx, result) =>
			audit.record(tx, actor, {
				action: 'report.import',
				entityType: 'credit_report',
				townId: scope?.length === 1 ? scope[0] : null,
				after: { filename, rows: rows.length, ...result, changed }
			})
	);
}

/** What a commit did, in the words every import's summary uses. */
export function outcome(r: CommitResult): Outcome {
	const notes: string[] = [];
	if (r.refused) notes.push(`${r.refused} 条因企业不属于您负责的街镇未写入`);
	if (r.enterprisesCreated) notes.push(`新登记企业 ${r.enterprisesCreated} 家`);
	if (r.enterprisesMoved) notes.push(`${r.enterprisesMoved} 家企业变更了所属街镇`);
	return { created: r.created, updated: r.updated, unchanged: r.unchanged, notes };
}

/** The one-line outcome shown after a commit, on the web and in the CLI. */
export function describe(r: CommitResult, noun: string): string {
	return imports.describe(outcome(r), { unit: '条', noun });
}

/** Who imports, for which towns, into which year. */
export type ImportContext = { actor: Actor; scope: Scope; year: number };

const EXAMPLE_ENTERPRISE = {
	企业名称: '上海云间食品有限公司',
	统一社会信用代码: withCheckCharacter('91310117MA1J00001'),
	所属街镇: '佘山镇'
};

export const commitments = define<ImportContext, CommitmentImportRow>({
	kind: () => 'campaign.commitments',
	columns: COMMITMENT_COLUMNS,
	required: COMMITMENT_REQUIRED,
	example: {
		...EXAMPLE_ENTERPRISE,
		承诺类型: '诚信经营承诺',
		公示日期: '2026-06-01',
		公示渠道: '信用松江网站',
		公示链接: 'https://www.songjiang.gov.cn/'
	},
	template: () => '信用承诺导入模板',
	unit: '条',
	noun: '信用承诺',
	check: (sheet, c) =>
		checkCommitments(sheet, { year: c.year, scope: c.scope, types: campaign.commitmentTypes() }),
	commit: (c, rows, filename) => outcome(commitCommitments(c.actor, c.scope, filename, rows)),
	sample: (v) => ({
		企业名称: v.name,
		统一社会信用代码: v.uscc,
		所属街镇: v.townName,
		承诺类型: v.type,
		公示日期: v.disclosedOn,
		公示渠道: v.channel
	})
});

export const reports = define<ImportContext, ReportImportRow>({
	kind: () => 'campaign.reports',
	columns: REPORT_COLUMNS,
	required: REPORT_REQUIRED,
	example: {
		...EXAMPLE_ENTERPRISE,
		补充信息项: '纳税、社保、公积金',
		公示日期: '2026-06-01',
		报告编号: 'SJXY-2026-00001',
		出具机构: '上海资信有限公司',
		出具日期: '2026-06-20',
		状态: '已出具信用报告'
	},
	template: () => '补充信息及信用报告导入模板',
	unit: '条',
	noun: '补充信息及信用报告',
	check: (sheet, c) => checkReports(sheet, { year: c.year, scope: c.scope }),
	commit: (c, rows, filename) => outcome(commitReports(c.actor, c.scope, filename, rows)),
	sample: (v) => ({
		企业名称: v.name,
		统一社会信用代码: v.uscc,
		所属街镇: v.townName,
		补充信息项: v.items.join('、'),
		报告编号: v.reportNo ?? '',
		出具日期: v.issuedOn ?? '',
		状态: REPORT_STATUS_LABEL[v.status]
	})
});
