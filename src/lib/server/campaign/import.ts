/**
 * Bulk entry of commitments and of supplementary reports from spreadsheets, for the web import
 * (preview, then commit) and the CLI alike. Checking writes nothing; committing writes all good rows
 * in one transaction and skips what is already there, so the same file imported twice changes
 * nothing the second time.
 */
import { validateUscc } from '../../uscc';
import { parseDate, type Sheet } from '../files/tabular';
import type { BadRow, Checked } from '../files/imports';
import { db, type Tx } from '../db';
import * as audit from '../audit';
import * as towns from '../towns';
import * as campaign from './campaign';
import type { Actor } from '../actor';
import {
	CHANNELS,
	REPORT_ITEMS,
	REPORT_STATUS_LABEL,
	reportStatusFromLabel,
	type ReportStatus
} from '../../campaign-labels';
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

export type ReportImportRow = EnterpriseRef & {
	year: number;
	items: string[];
	disclosedOn: string | null;
	reportNo: string | null;
	agency: string | null;
	issuedOn: string | null;
	status: ReportStatus;
};

type Existing = Map<string, { townId: number }>;

/** The enterprises of the file that already exist, looked up in one pass. */
function existingEnterprises(codes: string[]): Existing {
	const out: Existing = new Map();
	const unique = [...new Set(codes)];
	for (let i = 0; i < unique.length; i += 500) {
		const chunk = unique.slice(i, i + 500);
		const rows = db.$client
			.prepare(
				`SELECT uscc, town_id AS townId FROM enterprise WHERE uscc IN (${chunk.map(() => '?').join(',')})`
			)
			.all(...chunk) as { uscc: string; townId: number }[];
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

export function checkCommitments(
	sheet: Sheet,
	opts: { year: number; scope: Scope; types: string[]; now?: Date }
): Checked<CommitmentImportRow> {
	const today = todayISO(opts.now);
	const existing = existingEnterprises(
		sheet.rows.map((r) => validateUscc(r.cells['统一社会信用代码'] ?? '').code)
	);
	const good: Checked<CommitmentImportRow>['good'] = [];
	const bad: BadRow[] = [];
	const seen = new Map<string, number>();
	const townOf = new Map<string, { townId: number; line: number }>();
	for (const { line, cells } of sheet.rows) {
		const refuse = (reason: string) => bad.push({ line, reason, summary: summary(cells) });
		const e = checkEnterprise(cells, opts.scope, existing);
		if (typeof e === 'string') {
			refuse(e);
			continue;
		}
		const type = (cells['承诺类型'] ?? '').trim();
		if (!type) {
			refuse('缺少承诺类型');
			continue;
		}
		if (!opts.types.includes(type)) {
			refuse(`承诺类型「${type}」不在可选范围内：${opts.types.join('、')}`);
			continue;
		}
		const date = checkDate(cells['公示日期'], '公示日期', opts.year, today);
		if (date.error) {
			refuse(date.error);
			continue;
		}
		const channel = (cells['公示渠道'] ?? '').trim();
		if (!(CHANNELS as readonly string[]).includes(channel)) {
			refuse(
				channel
					? `公示渠道「${channel}」不在可选范围内：${CHANNELS.join('、')}`
					: `缺少公示渠道（${CHANNELS.join('、')}）`
			);
			continue;
		}
		const link = (cells['公示链接'] ?? '').trim() || null;
		if (link && !/^https?:\/\/\S+$/i.test(link)) {
			refuse('公示链接应以 http:// 或 https:// 开头');
			continue;
		}
		const other = townOf.get(e.uscc);
		if (other && other.townId !== e.townId) {
			refuse(`同一企业在第 ${other.line} 行填的是另一个街镇`);
			continue;
		}
		const key = `${e.uscc}|${type}|${date.date}`;
		const dup = seen.get(key);
		if (dup) {
			refuse(`与第 ${dup} 行重复（同一企业、承诺类型和公示日期）`);
			continue;
		}
		seen.set(key, line);
		townOf.set(e.uscc, { townId: e.townId, line });
		good.push({
			line,
			value: { ...e, year: opts.year, type, disclosedOn: date.date!, channel, link }
		});
	}
	return { good, bad, total: sheet.rows.length };
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
	const existing = existingEnterprises(
		sheet.rows.map((r) => validateUscc(r.cells['统一社会信用代码'] ?? '').code)
	);
	const good: Checked<ReportImportRow>['good'] = [];
	const bad: BadRow[] = [];
	const seen = new Map<string, number>();
	for (const { line, cells } of sheet.rows) {
		const refuse = (reason: string) => bad.push({ line, reason, summary: summary(cells) });
		const e = checkEnterprise(cells, opts.scope, existing);
		if (typeof e === 'string') {
			refuse(e);
			continue;
		}
		const items = parseItems(cells['补充信息项'] ?? '');
		if (typeof items === 'string') {
			refuse(items);
			continue;
		}
		const optionalDate = (label: string) =>
			(cells[label] ?? '').trim() ? checkDate(cells[label], label, null, today) : { date: null };
		const disclosed = optionalDate('公示日期');
		if (disclosed.error) {
			refuse(disclosed.error);
			continue;
		}
		const issued = optionalDate('出具日期');
		if (issued.error) {
			refuse(issued.error);
			continue;
		}
		const reportNo = (cells['报告编号'] ?? '').trim() || null;
		const agency = (cells['出具机构'] ?? '').trim() || null;
		const statusRaw = (cells['状态'] ?? '').trim();
		let status: ReportStatus;
		if (statusRaw) {
			const s = reportStatusFromLabel(statusRaw);
			if (!s) {
				refuse(`状态「${statusRaw}」应为 ${Object.values(REPORT_STATUS_LABEL).join('、')} 之一`);
				continue;
			}
			status = s;
		} else status = reportNo && issued.date ? 'issued' : disclosed.date ? 'disclosed' : 'applied';
		if (status === 'issued') {
			const missing = [
				!reportNo && '报告编号',
				!agency && '出具机构',
				!issued.date && '出具日期'
			].filter(Boolean);
			if (missing.length) {
				refuse(`已出具信用报告须填写${missing.join('、')}`);
				continue;
			}
			if (Number(issued.date!.slice(0, 4)) !== opts.year) {
				refuse(`出具日期 ${issued.date} 不在 ${opts.year} 年度内`);
				continue;
			}
		}
		if (status === 'disclosed' && !disclosed.date) {
			refuse('已公示补充信息须填写公示日期');
			continue;
		}
		const dup = seen.get(e.uscc);
		if (dup) {
			refuse(`与第 ${dup} 行重复（同一企业同一年度只有一份补充信息公示）`);
			continue;
		}
		seen.set(e.uscc, line);
		good.push({
			line,
			value: {
				...e,
				year: opts.year,
				items,
				disclosedOn: disclosed.date ?? null,
				reportNo,
				agency,
				issuedOn: issued.date ?? null,
				status
			}
		});
	}
	return { good, bad, total: sheet.rows.length };
}

export type CommitResult = {
	created: number;
	updated: number;
	unchanged: number;
	refused: number;
	enterprisesCreated: number;
	enterprisesMoved: number;
};

function resolver(scope: Scope, now: number) {
	const find = campaign.stmt('SELECT id, town_id AS townId, name FROM enterprise WHERE uscc = ?');
	const insert = campaign.stmt(
		'INSERT INTO enterprise (uscc, name, town_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'
	);
	const move = campaign.stmt(
		'UPDATE enterprise SET town_id = ?, name = ?, updated_at = ? WHERE id = ?'
	);
	const result = {
		created: 0,
		moved: [] as { id: number; uscc: string; from: number; to: number }[]
	};
	return {
		result,
		/** The enterprise's id, creating or moving it; null when it is outside the actor's towns. */
		resolve(row: EnterpriseRef): number | null {
			const e = find.get(row.uscc) as { id: number; townId: number; name: string } | undefined;
			if (!e) {
				result.created += 1;
				return Number(insert.run(row.uscc, row.name, row.townId, now, now).lastInsertRowid);
			}
			if (scope && !scope.includes(e.townId)) return null;
			if (e.townId !== row.townId) {
				move.run(row.townId, row.name, now, e.id);
				result.moved.push({ id: e.id, uscc: row.uscc, from: e.townId, to: row.townId });
			}
			return e.id;
		}
	};
}

function recordMoves(
	tx: Tx,
	actor: Actor,
	moved: { id: number; uscc: string; from: number; to: number }[]
) {
	for (const m of moved)
		audit.record(tx, actor, {
			action: 'enterprise.move',
			entityType: 'enterprise',
			entityId: m.id,
			townId: m.to,
			before: { uscc: m.uscc, townId: m.from },
			after: { uscc: m.uscc, townId: m.to }
		});
}

export function commitCommitments(
	actor: Actor,
	scope: Scope,
	filename: string,
	rows: CommitmentImportRow[],
	now = new Date()
): CommitResult {
	const out = db.transaction((tx) => {
		const at = now.getTime();
		const r = resolver(scope, at);
		const insert = campaign.stmt(
			`INSERT INTO commitment (enterprise_id, year, type, disclosed_on, channel, link, status, created_at, created_by)
			 VALUES (?, ?, ?, ?, ?, ?, 'published', ?, ?) ON CONFLICT DO NOTHING`
		);
		const years = new Set<number>();
		let created = 0;
		let refused = 0;
		let firstId: number | null = null;
		let lastId: number | null = null;
		for (const row of rows) {
			const id = r.resolve(row);
			if (id === null) {
				refused += 1;
				continue;
			}
			years.add(row.year);
			const res = insert.run(
				id,
				row.year,
				row.type,
				row.disclosedOn,
				row.channel,
				row.link,
				at,
				actor.id
			);
			if (res.changes) {
				created += 1;
				lastId = Number(res.lastInsertRowid);
				firstId ??= lastId;
			}
		}
		for (const y of years)
			campaign.stmt('INSERT INTO campaign_year (year) VALUES (?) ON CONFLICT DO NOTHING').run(y);
		recordMoves(tx, actor, r.result.moved);
		const result: CommitResult = {
			created,
			updated: 0,
			unchanged: rows.length - created - refused,
			refused,
			enterprisesCreated: r.result.created,
			enterprisesMoved: r.result.moved.length
		};
		audit.record(tx, actor, {
			action: 'commitment.import',
			entityType: 'commitment',
			entityId: firstId === null ? null : `${firstId}-${lastId}`,
			townId: scope?.length === 1 ? scope[0] : null,
			after: { filename, rows: rows.length, ...result }
		});
		return result;
	});
	return out;
}

export function commitReports(
	actor: Actor,
	scope: Scope,
	filename: string,
	rows: ReportImportRow[],
	now = new Date()
): CommitResult {
	const out = db.transaction((tx) => {
		const at = now.getTime();
		const r = resolver(scope, at);
		const find = campaign.stmt(
			`SELECT id, items, disclosed_on AS disclosedOn, report_no AS reportNo, agency, issued_on AS issuedOn, status
			 FROM credit_report WHERE enterprise_id = ? AND year = ?`
		);
		const insert = campaign.stmt(
			`INSERT INTO credit_report (enterprise_id, year, items, disclosed_on, report_no, agency, issued_on, status, created_at, updated_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const update = campaign.stmt(
			`UPDATE credit_report SET items = ?, disclosed_on = ?, report_no = ?, agency = ?, issued_on = ?, status = ?, updated_at = ?
			 WHERE id = ?`
		);
		const result: CommitResult = {
			created: 0,
			updated: 0,
			unchanged: 0,
			refused: 0,
			enterprisesCreated: 0,
			enterprisesMoved: 0
		};
		const changed: unknown[] = [];
		for (const row of rows) {
			const id = r.resolve(row);
			if (id === null) {
				result.refused += 1;
				continue;
			}
			campaign
				.stmt('INSERT INTO campaign_year (year) VALUES (?) ON CONFLICT DO NOTHING')
				.run(row.year);
			const items = JSON.stringify(row.items);
			const fields = [
				items,
				row.disclosedOn,
				row.reportNo,
				row.agency,
				row.issuedOn,
				row.status
			] as const;
			const before = find.get(id, row.year) as Record<string, unknown> | undefined;
			if (!before) {
				insert.run(id, row.year, ...fields, at, at);
				result.created += 1;
			} else if (
				[
					before.items,
					before.disclosedOn,
					before.reportNo,
					before.agency,
					before.issuedOn,
					before.status
				].some((v, i) => v !== fields[i])
			) {
				update.run(...fields, at, before.id);
				result.updated += 1;
				changed.push({ id: before.id, before, after: row });
			} else result.unchanged += 1;
		}
		recordMoves(tx, actor, r.result.moved);
		result.enterprisesCreated = r.result.created;
		result.enterprisesMoved = r.result.moved.length;
		audit.record(tx, actor, {
			action: 'report.import',
			entityType: 'credit_report',
			townId: scope?.length === 1 ? scope[0] : null,
			after: { filename, rows: rows.length, ...result, changed }
		});
		return result;
	});
	return out;
}

/** The one-line outcome shown after a commit, on the web and in the CLI. */
export function describe(r: CommitResult, noun: string): string {
	const parts = [`新增 ${r.created} 条${noun}`];
	if (r.updated) parts.push(`更新 ${r.updated} 条`);
	if (r.unchanged) parts.push(`${r.unchanged} 条已存在，未重复写入`);
	if (r.refused) parts.push(`${r.refused} 条因企业不属于您负责的街镇未写入`);
	if (r.enterprisesCreated) parts.push(`新登记企业 ${r.enterprisesCreated} 家`);
	if (r.enterprisesMoved) parts.push(`${r.enterprisesMoved} 家企业变更了所属街镇`);
	return `导入完成：${parts.join('，')}。`;
}

/** The preview as plain lines, for the CLI. */
export function summaryLines(checked: Checked<unknown>): string[] {
	const lines = [
		`共 ${checked.total} 行：${checked.good.length} 行可以导入，${checked.bad.length} 行有问题。`
	];
	for (const b of checked.bad) lines.push(`  第 ${b.line} 行：${b.reason}（${b.summary}）`);
	return lines;
}
