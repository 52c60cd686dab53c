/**
 * Every list the app exports, in one place: its filters (the same `query` parameters as the page it
 * exports), its file name and its columns. Routes check the user, read the filters, fetch the rows
 * from the area's domain and `send` them; CSV escapes formula-looking cells, XLSX loads exceljs on
 * first use. Expensive public exports go through `cached`, keyed by format and filters.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createHash, randomBytes } from 'node:crypto';
import * as query from '../query';
import { cached, version } from '../cache';
import { dataDir } from './uploads';
import * as leases from './leases';
import { downloadHeaders, stream, writeTo, type Column, type Rows } from './tabular';

export type { Column };
import { todayISO } from '../../format';
import { type Enterprise, type Level } from '../db/schema';
import {
	COMMITMENT_STATUSES,
	COUNT_STATE_LABEL,
	COMMITMENT_STATUS_LABEL,
	REPORT_STATUSES,
	REPORT_STATUS_LABEL
} from '../../campaign';
import {
	BADGE_LEVEL_LABEL,
	BADGE_STATE_LABEL,
	CATEGORY_LABEL,
	INSPECTION_STATUS_LABEL,
	LEVEL_LABEL,
	STANDARD_KIND_LABEL,
	STREET_STATUS_LABEL,
	TRADING_STATUS_LABEL
} from '../../streets';
import {
	CATEGORY_LABEL as FEEDBACK_CATEGORY_LABEL,
	FEEDBACK_STATUSES,
	SOURCE_LABEL,
	STATUS_LABEL as FEEDBACK_STATUS_LABEL
} from '../../feedback';
import type * as campaign from '../campaign/campaign';
import type * as streets from '../streets/streets';
import type * as merchants from '../streets/merchants';
import type * as inspections from '../streets/inspections';
import type * as events from '../events/events';
import type * as feedback from '../feedback/feedback';
import type * as badges from '../badges/badges';
import type * as directory from '../public/directory';
import type * as audit from '../audit';
import * as towns from '../towns';
import { auditActionLabel, auditRecordLabel } from '../../audit';

export const FORMATS = ['csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

/** `format=csv|xlsx`, CSV when absent. */
export function format(url: URL): Format {
	return query.params(url, { format: query.oneOf(FORMATS) }).format ?? 'csv';
}

/** The request an export answers: its URL (format, filters) and who asks. */
export type Source = { url: URL; getClientAddress(): string };

/**
 * How many exports run at once: per client address, and in all (every worker counted). A lease
 * outlives a worker that dies mid-export by at most `ttlMs`.
 */
export const LIMITS = { perClient: 2, all: 6, ttlMs: 10 * 60_000 };

function clientOf(source: Source): string {
	try {
		return source.getClientAddress();
	} catch {
		return 'unknown';
	}
}

function tooMany(mine: boolean): Response {
	const message = mine
		? `导出请求过多：同一网络地址最多同时进行 ${LIMITS.perClient} 个导出，请等前面的下载完成后再试。`
		: '当前同时导出的人较多，请稍等片刻再试。';
	return new Response(message, {
		status: 429,
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'retry-after': '30',
			'cache-control': 'no-store'
		}
	});
}

/** A place among the running exports, or the 429 that says why there is none. */
function admit(source: Source): Response | (() => void) {
	const client = clientOf(source);
	const release = leases.acquire(
		'export',
		[
			{ key: `client:${client}`, max: LIMITS.perClient },
			{ key: 'all', max: LIMITS.all }
		],
		LIMITS.ttlMs
	);
	return release ?? tooMany(leases.held('export', `client:${client}`) >= LIMITS.perClient);
}

type RowSource<T> = Rows<T> | (() => Rows<T>);
const rowsOf = <T>(r: RowSource<T>): Rows<T> => (typeof r === 'function' ? r() : r);

/**
 * The file of `rows` in the format the URL asks for, as a download written while it is sent.
 * Pass the rows as a function when fetching them is costly: they are fetched only once the
 * export has its place.
 */
export async function send<T>(
	source: Source,
	name: string,
	columns: Column<T>[],
	rows: RowSource<T>
): Promise<Response> {
	const f = format(source.url);
	const release = admit(source);
	if (release instanceof Response) return release;
	try {
		return stream(f, { name }, columns, rowsOf(rows), release);
	} catch (e) {
		release();
		throw e;
	}
}

type Built = { path: string; size: number };

const exportsDir = () => join(dataDir(), 'exports');

/**
 * Writes the file under DATA_DIR/exports, named by key, content version and process (a database
 * restored from a copy counts its versions again, so no other process's file is trusted), and
 * removes this process's files of the key's older versions and any file left for a day.
 */
async function build(
	key: string,
	f: Format,
	write: (out: Writable) => Promise<void>
): Promise<Built> {
	const dir = exportsDir();
	mkdirSync(dir, { recursive: true });
	const stem = createHash('sha256').update(`${key}:${f}`).digest('hex').slice(0, 24);
	const file = `${stem}-${version()}-${process.pid}.${f}`;
	const path = join(dir, file);
	const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
	const out = createWriteStream(tmp);
	try {
		await write(out);
		await finished(out);
		await rename(tmp, path);
	} catch (e) {
		out.destroy();
		await rm(tmp, { force: true });
		throw e;
	}
	const dayAgo = Date.now() - 86_400_000;
	for (const old of readdirSync(dir)) {
		if (old === file) continue;
		const mine = old.startsWith(`${stem}-`) && old.endsWith(`-${process.pid}.${f}`);
		const at = join(dir, old);
		const st = await stat(at).catch(() => null);
		if (mine || (st && st.mtimeMs < dayAgo)) await rm(at, { force: true });
	}
	return { path, size: (await stat(path)).size };
}

/**
 * The same, built once per content version and `key` (which must hold every filter) and then
 * served from disk: for public exports that many visitors download alike. Only for a bounded
 * set of keys (year × town): a free-text search goes through `send`.
 */
export async function sendCached<T>(
	source: Source,
	key: string,
	name: string,
	columns: Column<T>[],
	rows: () => Rows<T>
): Promise<Response> {
	const f = format(source.url);
	const release = admit(source);
	if (release instanceof Response) return release;
	try {
		const write = (out: Writable) => writeTo(out, f, { name }, columns, rows());
		let file = await cached(`export:${key}:${f}`, () => build(key, f, write));
		if (!existsSync(file.path)) file = await build(key, f, write);
		const body = createReadStream(file.path);
		body.once('close', release);
		return new Response(Readable.toWeb(body) as ReadableStream, {
			headers: {
				...downloadHeaders(`${name}.${f}`, f === 'xlsx'),
				'content-length': String(file.size)
			}
		});
	} catch (e) {
		release();
		throw e;
	}
}

const LEVELS = Object.keys(LEVEL_LABEL) as Level[];

// ------------------------------------------------------------------------------------ campaign

type CommitmentRow = campaign.CommitmentRow;
type ReportRow = campaign.ReportRow;

const enterpriseColumns = <T>(
	get: (r: T) => { name: string; uscc: string; townName: string | null | undefined }
): Column<T>[] => [
	{ header: '企业名称', value: (r) => get(r).name, width: 36 },
	{ header: '统一社会信用代码', value: (r) => get(r).uscc, width: 22 },
	{ header: '所属街镇', value: (r) => get(r).townName, width: 16 }
];

const commitmentColumns: Column<CommitmentRow>[] = [
	...enterpriseColumns((r: CommitmentRow) => ({
		name: r.enterpriseName,
		uscc: r.uscc,
		townName: r.townName
	})),
	{ header: '承诺类型', value: (r) => r.type, width: 16 },
	{ header: '公示日期', value: (r) => r.disclosedOn, kind: 'date' },
	{ header: '公示渠道', value: (r) => r.channel, width: 14 },
	{ header: '公示链接', value: (r) => r.link, width: 30 }
];

/** Staff list of commitments: the public columns, the year and the status. */
export const commitments = {
	filters: {
		year: query.year,
		town: query.town,
		status: query.oneOf(COMMITMENT_STATUSES, COMMITMENT_STATUS_LABEL)
	},
	name: (y: number) => `${y}年信用承诺`,
	columns: [
		...commitmentColumns,
		{ header: '年度', value: (r) => r.year },
		{ header: '状态', value: (r) => COMMITMENT_STATUS_LABEL[r.status] }
	] as Column<CommitmentRow>[]
};

/** The public disclosure list (公示): published commitments, every year unless one is chosen. */
export const disclosures = {
	filters: { year: query.year, town: query.town },
	name: '信用承诺公示',
	columns: commitmentColumns
};

export const reports = {
	filters: {
		year: query.year,
		town: query.town,
		status: query.oneOf(REPORT_STATUSES, REPORT_STATUS_LABEL)
	},
	name: (y: number) => `${y}年补充信息及信用报告`,
	columns: [
		...enterpriseColumns((r: ReportRow) => ({
			name: r.enterpriseName,
			uscc: r.uscc,
			townName: r.townName
		})),
		{ header: '补充信息项', value: (r) => r.items.join('、'), width: 24 },
		{ header: '公示日期', value: (r) => r.disclosedOn, kind: 'date' },
		{ header: '报告编号', value: (r) => r.reportNo, width: 18 },
		{ header: '出具机构', value: (r) => r.agency, width: 30 },
		{ header: '出具日期', value: (r) => r.issuedOn, kind: 'date' },
		{ header: '状态', value: (r) => REPORT_STATUS_LABEL[r.status], width: 16 },
		{ header: '年度', value: (r) => r.year }
	] as Column<ReportRow>[]
};

export const enterprises = {
	filters: { town: query.town },
	name: '企业名录',
	columns: [
		...enterpriseColumns((r: Enterprise) => ({
			name: r.name,
			uscc: r.uscc,
			townName: towns.byId(r.townId)?.name
		})),
		{ header: '地址', value: (r) => r.address, width: 36 },
		{ header: '行业', value: (r) => r.industry, width: 16 }
	] as Column<Enterprise>[]
};

type CountRow = ReturnType<typeof campaign.listCounts>[number];

export const counts = {
	filters: { year: query.year },
	name: (y: number) => `${y}年进度填报`,
	columns: [
		{ header: '街镇园区', value: (r) => r.townName, width: 20 },
		{ header: '截至日期', value: (r) => r.asOf, kind: 'date' },
		{ header: '承诺企业数', value: (r) => r.commitments },
		{ header: '信用报告数', value: (r) => r.reports },
		{ header: '说明', value: (r) => r.note, width: 30 },
		{ header: '提交时间', value: (r) => r.createdAt, kind: 'datetime' },
		{ header: '状态', value: (r) => COUNT_STATE_LABEL[r.state] },
		{ header: '更正或撤回原因', value: (r) => r.voidReason || r.reason, width: 30 }
	] as Column<CountRow>[]
};

type ProgressRow = ReturnType<typeof campaign.dashboard>['towns'][number];

const PACE_LABEL: Record<ProgressRow['pace'], string> = {
	on_track: '正常',
	behind: '滞后',
	no_target: '未设目标'
};

/** The dashboard's per-town table. */
export const progress = {
	filters: { year: query.year },
	name: (y: number) => `${y}年信用承诺工作进度`,
	columns: [
		{ header: '排名', value: (r) => r.rank },
		{ header: '街镇园区', value: (r) => r.name, width: 20 },
		{ header: '承诺企业数', value: (r) => r.commitments.count },
		{ header: '承诺目标', value: (r) => r.commitments.target },
		{ header: '承诺完成率', value: (r) => r.commitmentPct, kind: 'percent' },
		{ header: '进度', value: (r) => PACE_LABEL[r.pace] },
		{ header: '信用报告数', value: (r) => r.reports.count },
		{ header: '报告目标', value: (r) => r.reports.target },
		{ header: '本周新增承诺', value: (r) => r.weekCommitments },
		{ header: '填报截至日期', value: (r) => r.reported?.asOf, kind: 'date' },
		{ header: '填报承诺数', value: (r) => r.reported?.commitments },
		{ header: '填报报告数', value: (r) => r.reported?.reports },
		{
			header: '填报与明细一致',
			value: (r) => (r.reported ? (r.reported.disagrees ? '否' : '是') : '')
		}
	] as Column<ProgressRow>[]
};

// ------------------------------------------------------------------------------------ streets

type StreetRow = ReturnType<typeof streets.list>[number];

export const streetList = {
	filters: { town: query.town },
	name: '诚信示范街',
	columns: [
		{ header: '示范街', value: (r) => r.name, width: 28 },
		{ header: '街镇', value: (r) => r.townName },
		{ header: '状态', value: (r) => STREET_STATUS_LABEL[r.status] },
		{ header: '自律委员会联系人', value: (r) => r.committeeContact, width: 28 },
		{ header: '商户数', value: (r) => r.merchants },
		{ header: '模范商户', value: (r) => r.model },
		{ header: '诚信商户', value: (r) => r.honest },
		{ header: '计量器具超期', value: (r) => r.overdueInstruments }
	] as Column<StreetRow>[]
};

type MerchantRow = ReturnType<typeof merchants.list>['items'][number];

export const merchantList = {
	filters: { town: query.town, street: query.id, level: query.oneOf(LEVELS, LEVEL_LABEL) },
	name: '示范街商户',
	columns: [
		{ header: '商户名称', value: (r) => r.name, width: 28 },
		{ header: '统一社会信用代码', value: (r) => r.uscc, width: 22 },
		{ header: '街镇', value: (r) => r.townName },
		{ header: '示范街', value: (r) => r.streetName, width: 22 },
		{ header: '类别', value: (r) => CATEGORY_LABEL[r.category] },
		{ header: '经营状态', value: (r) => TRADING_STATUS_LABEL[r.tradingStatus] },
		{ header: '等级', value: (r) => LEVEL_LABEL[r.level], width: 18 },
		{ header: '牌匾状态', value: (r) => (r.badgeState ? BADGE_STATE_LABEL[r.badgeState] : '') },
		{ header: '牌匾有效期至', value: (r) => r.validUntil, kind: 'date' },
		{ header: '动态分', value: (r) => r.score ?? '' },
		{ header: '最近检查日期', value: (r) => r.lastInspectedOn, kind: 'date' }
	] as Column<MerchantRow>[]
};

// ------------------------------------------------------------------------------------ events

export const eventList = {
	filters: {
		town: query.town,
		theme: query.id,
		form: query.id,
		from: query.date,
		to: query.date
	},
	name: () => `宣传教育活动-${todayISO()}`,
	columns: [
		{ header: '活动名称', value: (r) => r.title, width: 30 },
		{ header: '街镇', value: (r) => r.townName, width: 14 },
		{ header: '主题', value: (r) => r.themeName, width: 16 },
		{ header: '形式', value: (r) => r.formName, width: 12 },
		{ header: '开始日期', value: (r) => r.startDate, kind: 'date' },
		{ header: '开始时间', value: (r) => r.startTime ?? '' },
		{ header: '结束日期', value: (r) => r.endDate, kind: 'date' },
		{ header: '结束时间', value: (r) => r.endTime ?? '' },
		{ header: '地点', value: (r) => r.venue, width: 24 },
		{ header: '主办单位', value: (r) => r.organisers, width: 24 },
		{ header: '参与人数', value: (r) => r.participants },
		{ header: '发放资料', value: (r) => r.materials, width: 24 },
		{ header: '活动简介', value: (r) => r.summary, width: 40 },
		{ header: '是否公开', value: (r) => (r.isPublic ? '是' : '否') },
		{ header: '纬度', value: (r) => r.lat ?? '' },
		{ header: '经度', value: (r) => r.lng ?? '' },
		{ header: '照片数', value: (r) => r.photoCount }
	] as Column<events.EventRow>[]
};

type Summary = ReturnType<typeof events.summary>;
type SummaryRow = {
	name: string;
	cells: Record<number, events.SummaryCell>;
	total: events.SummaryCell;
	students: number;
};

/** Events per town and theme over a period: a pair of columns per theme, and a total row. */
export const eventSummary = {
	name: (p: { from: string; to: string }) => `宣传教育活动统计-${p.from}至${p.to}`,
	rows: (s: Summary): SummaryRow[] => [
		...s.rows.map((r) => ({
			name: r.townName,
			cells: r.byTheme,
			total: r.total,
			students: r.students
		})),
		{ name: '合计', cells: s.totals, total: s.grand, students: s.students }
	],
	columns: (s: Summary): Column<SummaryRow>[] => [
		{ header: '街镇', value: (r) => r.name, width: 18 },
		...s.themes.flatMap((t) => [
			{ header: `${t.name}（场）`, value: (r: SummaryRow) => r.cells[t.id].count },
			{ header: `${t.name}（人次）`, value: (r: SummaryRow) => r.cells[t.id].participants }
		]),
		{ header: '合计（场）', value: (r) => r.total.count },
		{ header: '合计（人次）', value: (r) => r.total.participants },
		{ header: '学生人数', value: (r) => r.students }
	]
};

// ------------------------------------------------------------------------------------ inspections

type InspectionRow = ReturnType<typeof inspections.list>[number];

/** Submitted inspections, as the list's 最近提交 (town, street). */
export const inspectionList = {
	filters: { town: query.town, street: query.id },
	name: () => `检查评审-${todayISO()}`,
	columns: [
		{ header: '检查日期', value: (r) => r.inspectedOn, kind: 'date' },
		{ header: '检查对象', value: (r) => r.merchantName ?? r.streetName, width: 28 },
		{ header: '示范街', value: (r) => r.streetName, width: 22 },
		{ header: '街镇', value: (r) => r.townName },
		{ header: '类型', value: (r) => STANDARD_KIND_LABEL[r.kind], width: 16 },
		{ header: '标准版本', value: (r) => `第 ${r.standardVersion} 版` },
		{ header: '状态', value: (r) => INSPECTION_STATUS_LABEL[r.status] },
		{ header: '总分', value: (r) => r.total ?? '' },
		{ header: '否决项', value: (r) => r.vetoHits },
		{ header: '评定结果', value: (r) => (r.result ? LEVEL_LABEL[r.result] : ''), width: 18 }
	] as Column<InspectionRow>[]
};

// ------------------------------------------------------------------------------------ feedback

const FEEDBACK_STATUS_FILTER = [...FEEDBACK_STATUSES, 'all'] as const;
type FeedbackRow = ReturnType<typeof feedback.exportRows>[number];

/** The officers' feedback queue; the phone only ever masked. */
export const feedbackList = {
	filters: {
		status: query.oneOf(FEEDBACK_STATUS_FILTER, { ...FEEDBACK_STATUS_LABEL, all: '全部' }),
		town: query.town,
		overdue: query.oneOf(['1'] as const, { '1': '只看超期' })
	},
	name: () => `消费者反馈-${todayISO()}`,
	columns: [
		{ header: '编号', value: (r) => r.id },
		{ header: '收到时间', value: (r) => r.createdAt, kind: 'datetime' },
		{ header: '来源', value: (r) => SOURCE_LABEL[r.source] },
		{ header: '商户', value: (r) => r.merchantName ?? '', width: 24 },
		{ header: '示范街', value: (r) => r.streetName ?? '', width: 20 },
		{ header: '街镇', value: (r) => r.townName ?? '' },
		{ header: '问题类别', value: (r) => FEEDBACK_CATEGORY_LABEL[r.category] },
		{ header: '具体情况', value: (r) => r.body, width: 40 },
		{ header: '发现地点', value: (r) => r.place, width: 20 },
		{ header: '联系电话', value: (r) => r.phoneMasked, width: 14 },
		{ header: '状态', value: (r) => FEEDBACK_STATUS_LABEL[r.status] },
		{ header: '超期天数', value: (r) => r.overdueDays ?? '' },
		{ header: '核实时间', value: (r) => r.decidedAt, kind: 'datetime' },
		{ header: '扣分', value: (r) => r.points ?? '' },
		{ header: '核实情况', value: (r) => r.officerNote, width: 30 },
		{ header: '商户回应', value: (r) => r.reply, width: 30 }
	] as Column<FeedbackRow>[]
};

// ------------------------------------------------------------------------------------ audit

type AuditRow = ReturnType<typeof audit.list>['items'][number];

const json = (v: unknown) => (v == null ? '' : JSON.stringify(v));

/** The district's audit log, with the page's filters (dates are Shanghai days, both included). */
export const auditLog = {
	filters: { type: query.text(60), user: query.id, from: query.date, to: query.date },
	name: () => `操作日志-${todayISO()}`,
	columns: [
		{ header: '时间', value: (r) => r.at, kind: 'datetime' },
		{ header: '操作人', value: (r) => r.actorName, width: 16 },
		{ header: '用户名', value: (r) => r.username ?? '', width: 16 },
		{ header: '操作', value: (r) => auditActionLabel(r.action), width: 24 },
		{ header: '操作代码', value: (r) => r.action, width: 24 },
		{ header: '记录类型', value: (r) => auditRecordLabel(r.entityType), width: 18 },
		{ header: '记录编号', value: (r) => r.entityId ?? '' },
		{ header: '街镇', value: (r) => (r.townId ? (towns.byId(r.townId)?.name ?? '') : '') },
		{ header: '修改前', value: (r) => json(r.before), width: 50 },
		{ header: '修改后', value: (r) => json(r.after), width: 50 }
	] as Column<AuditRow>[]
};

// ------------------------------------------------------------------------------------ badges

type BadgeRow = ReturnType<typeof badges.list>[number];

/** Every badge in scope, current or superseded (town, street). */
export const badgeList = {
	filters: { town: query.town, street: query.id },
	name: () => `牌匾-${todayISO()}`,
	columns: [
		{ header: '牌匾编号', value: (r) => r.serial, width: 16 },
		{ header: '商户名称', value: (r) => r.merchantName, width: 28 },
		{ header: '统一社会信用代码', value: (r) => r.uscc, width: 22 },
		{ header: '地址', value: (r) => r.address, width: 30 },
		{ header: '示范街', value: (r) => r.streetName, width: 22 },
		{ header: '街镇', value: (r) => r.townName },
		{ header: '等级', value: (r) => BADGE_LEVEL_LABEL[r.level], width: 18 },
		{ header: '状态', value: (r) => BADGE_STATE_LABEL[r.state] },
		{ header: '当前牌匾', value: (r) => (r.current ? '是' : '否') },
		{ header: '颁发时间', value: (r) => r.grantedAt, kind: 'datetime' },
		{ header: '有效期至', value: (r) => r.validUntil, kind: 'date' },
		{ header: '状态变更时间', value: (r) => r.stateChangedAt, kind: 'datetime' },
		{ header: '状态原因', value: (r) => r.stateReason, width: 30 },
		{ header: '近30天扫码', value: (r) => r.scans30 }
	] as Column<BadgeRow>[]
};

type FlagRow = ReturnType<typeof badges.flaggedScans>[number] & {
	state: BadgeRow['state'];
	handled: boolean;
};

/** Plaques scanned while revoked, expired or void in the last 90 days (town). */
export const flaggedScans = {
	filters: { town: query.town },
	name: () => `失效牌匾扫码-${todayISO()}`,
	columns: [
		{ header: '牌匾编号', value: (r) => r.serial, width: 16 },
		{ header: '商户名称', value: (r) => r.merchantName, width: 28 },
		{ header: '地址', value: (r) => r.address, width: 30 },
		{ header: '示范街', value: (r) => r.streetName, width: 22 },
		{ header: '街镇', value: (r) => r.townName },
		{ header: '等级', value: (r) => BADGE_LEVEL_LABEL[r.level], width: 18 },
		{ header: '牌匾状态', value: (r) => BADGE_STATE_LABEL[r.state] },
		{ header: '有效期至', value: (r) => r.validUntil, kind: 'date' },
		{ header: '状态原因', value: (r) => r.stateReason, width: 30 },
		{ header: '失效后扫码次数', value: (r) => r.staleScans },
		{ header: '扫码天数', value: (r) => r.days },
		{ header: '最近扫码日期', value: (r) => r.lastDay, kind: 'date' },
		{ header: '是否已处理', value: (r) => (r.handled ? '是' : '否') }
	] as Column<FlagRow>[]
};

// ------------------------------------------------------------------------------------ public

type RedRow = ReturnType<typeof directory.redList>['items'][number];

/** 诚信红榜: model merchants whose badge is valid (town). */
export const redList = {
	filters: { town: query.town },
	name: '诚信红榜',
	columns: [
		{ header: '商户名称', value: (r) => r.name, width: 28 },
		{ header: '类别', value: (r) => CATEGORY_LABEL[r.category] },
		{ header: '地址', value: (r) => r.address, width: 30 },
		{ header: '示范街', value: (r) => r.streetName, width: 22 },
		{ header: '街镇', value: (r) => r.townName },
		{ header: '动态分', value: (r) => r.score ?? '' },
		{ header: '牌匾编号', value: (r) => r.serial, width: 16 },
		{ header: '有效期至', value: (r) => r.validUntil, kind: 'date' }
	] as Column<RedRow>[]
};
