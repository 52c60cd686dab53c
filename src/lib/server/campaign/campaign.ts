/**
 * The commitment campaign: years and targets, commitment disclosures, supplementary disclosures with
 * credit reports, towns' reported counts, and the progress figures built from them.
 *
 * Progress counts distinct enterprises with a published commitment in the year, and issued reports
 * only, each for the town the enterprise belongs to now. The figures are aggregated from one daily
 * series per kind, kept by `cached` until the next write to content from any process.
 */
import { and, count, desc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { db, type Tx } from '../db';
import * as raw from '../db/raw';
import {
	campaignYear,
	commitment,
	countReport,
	creditReport,
	enterprise,
	town,
	townTarget,
	type Commitment,
	type CreditReport
} from '../db/schema';
import * as audit from '../audit';
import * as settings from '../settings';
import * as towns from '../towns';
import { townIn } from '../access';
import { cached } from '../cache';
import { DomainError } from '../forms';
import type { Actor } from '../actor';
import {
	DEFAULT_COMMITMENT_TYPES,
	type CountState,
	type CommitmentStatus,
	type Pace,
	type ReportStatus
} from '../../campaign';
import { todayISO } from '../../format';
import { enterpriseConds, page, searchPlan, type Scoped } from './lists';

export const DEFAULT_COMMITMENT_TARGET = 5000;
export const DEFAULT_REPORT_TARGET = 100;

// ---------------------------------------------------------------------------------------------
// Dates

/** The campaign year of a moment, in Shanghai. */
export function currentYear(now = new Date()): number {
	return Number(todayISO(now).slice(0, 4));
}

function daysInYear(year: number) {
	return (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
}

function dayOfYear(iso: string) {
	const [y, m, d] = iso.split('-').map(Number);
	return (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
}

/** Share of the year gone (0…1) on `today` (YYYY-MM-DD). */
export function shareOfYear(year: number, today: string): number {
	const y = Number(today.slice(0, 4));
	if (year < y) return 1;
	if (year > y) return 0;
	return dayOfYear(today) / daysInYear(year);
}

function addDays(iso: string, n: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Monday of the week of `iso`. */
export function weekStart(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	const dow = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
	return addDays(iso, -dow);
}

function monthEnd(year: number, month: number): string {
	return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Years and targets

export function commitmentTypes(): string[] {
	const raw = settings.get('campaign.commitment_types');
	if (!raw) return DEFAULT_COMMITMENT_TYPES;
	try {
		const list = JSON.parse(raw);
		return Array.isArray(list) && list.length ? list : DEFAULT_COMMITMENT_TYPES;
	} catch {
		return DEFAULT_COMMITMENT_TYPES;
	}
}

export function setCommitmentTypes(actor: Actor, types: string[]) {
	db.transaction((tx) => {
		const before = commitmentTypes();
		settings.set('campaign.commitment_types', JSON.stringify(types), tx);
		audit.record(tx, actor, {
			action: 'campaign.types',
			entityType: 'setting',
			entityId: 'campaign.commitment_types',
			before,
			after: types
		});
	});
}

export type YearTargets = {
	year: number;
	commitmentTarget: number;
	reportTarget: number;
	towns: Map<number, { commitmentTarget: number; reportTarget: number }>;
};

export function listYears(now = new Date()): number[] {
	const stored = cached('campaign:years', () =>
		db
			.select({ y: campaignYear.year })
			.from(campaignYear)
			.all()
			.map((r) => r.y)
	);
	const years = new Set(stored);
	years.add(currentYear(now));
	return [...years].sort((a, b) => b - a);
}

export function targets(year: number): YearTargets {
	return cached(`campaign:targets:${year}`, () => {
		const y = db.select().from(campaignYear).where(eq(campaignYear.year, year)).get();
		const rows = db.select().from(townTarget).where(eq(townTarget.year, year)).all();
		return {
			year,
			commitmentTarget: y?.commitmentTarget ?? DEFAULT_COMMITMENT_TARGET,
			reportTarget: y?.reportTarget ?? DEFAULT_REPORT_TARGET,
			towns: new Map(rows.map((r) => [r.townId, r]))
		};
	});
}

export type TargetsInput = {
	commitmentTarget: number;
	reportTarget: number;
	towns: { townId: number; commitmentTarget: number; reportTarget: number }[];
};

function ensureYear(tx: Tx, year: number) {
	tx.insert(campaignYear).values({ year }).onConflictDoNothing().run();
}

export function setTargets(actor: Actor, year: number, input: TargetsInput) {
	db.transaction((tx) => {
		const before = {
			year: tx.select().from(campaignYear).where(eq(campaignYear.year, year)).get() ?? null,
			towns: tx.select().from(townTarget).where(eq(townTarget.year, year)).all()
		};
		tx.insert(campaignYear)
			.values({
				year,
				commitmentTarget: input.commitmentTarget,
				reportTarget: input.reportTarget
			})
			.onConflictDoUpdate({
				target: campaignYear.year,
				set: { commitmentTarget: input.commitmentTarget, reportTarget: input.reportTarget }
			})
			.run();
		for (const t of input.towns) {
			tx.insert(townTarget)
				.values({ year, ...t })
				.onConflictDoUpdate({
					target: [townTarget.year, townTarget.townId],
					set: { commitmentTarget: t.commitmentTarget, reportTarget: t.reportTarget }
				})
				.run();
		}
		audit.record(tx, actor, {
			action: 'campaign.targets',
			entityType: 'campaign_year',
			entityId: year,
			before,
			after: { year, ...input }
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Commitment disclosures

export type CommitmentInput = {
	enterpriseId: number;
	year: number;
	type: string;
	disclosedOn: string;
	channel: string;
	link: string | null;
};

/** The same enterprise, year, type and date is already registered. */
export class DuplicateCommitment extends DomainError {
	constructor() {
		super('type', '该企业同一日期、同一类型的承诺已登记');
	}
}

/** Published commitments of the enterprise with this code, newest first (shown on a badge's scan page). */
export function publishedCommitmentsOf(uscc: string, limit = 3) {
	return raw.publishedCommitmentsOf(uscc, limit);
}

export function commitmentById(id: number): Commitment | undefined {
	return db.select().from(commitment).where(eq(commitment.id, id)).get();
}

/** Registers a commitment; its type must be one of `commitmentTypes()`. */
export function addCommitment(actor: Actor, input: CommitmentInput, now = new Date()): Commitment {
	if (!commitmentTypes().includes(input.type)) throw new DomainError('type', '请选择承诺类型');
	return db.transaction((tx) => {
		ensureYear(tx, input.year);
		const e = tx.select().from(enterprise).where(eq(enterprise.id, input.enterpriseId)).get();
		if (!e) throw new Error('enterprise not found');
		const created = tx
			.insert(commitment)
			.values({ ...input, status: 'published', createdAt: now, createdBy: actor.id })
			.onConflictDoNothing()
			.returning()
			.get();
		if (!created) throw new DuplicateCommitment();
		audit.record(tx, actor, {
			action: 'commitment.create',
			entityType: 'commitment',
			entityId: created.id,
			townId: e.townId,
			after: created
		});
		return created;
	});
}

export function setCommitmentStatus(
	actor: Actor,
	id: number,
	status: CommitmentStatus,
	now = new Date()
): Commitment {
	return db.transaction((tx) => {
		const before = tx.select().from(commitment).where(eq(commitment.id, id)).get();
		if (!before) throw new Error('commitment not found');
		const e = tx.select().from(enterprise).where(eq(enterprise.id, before.enterpriseId)).get()!;
		const after = tx
			.update(commitment)
			.set({ status, withdrawnAt: status === 'withdrawn' ? now : null })
			.where(eq(commitment.id, id))
			.returning()
			.get();
		audit.record(tx, actor, {
			action: status === 'withdrawn' ? 'commitment.withdraw' : 'commitment.republish',
			entityType: 'commitment',
			entityId: id,
			townId: e.townId,
			before,
			after
		});
		return after;
	});
}

export type ListFilter = Scoped & {
	year?: number;
	status?: string;
	enterpriseId?: number;
};

function and_(conds: (SQL | undefined)[]): SQL | undefined {
	const c = conds.filter((x): x is SQL => x !== undefined);
	return c.length ? and(...c) : undefined;
}

/**
 * The enterprise's conditions (town, search) as a subquery on the enterprise table, so that a
 * count needs no join and a search scans the name index once rather than every joined row.
 */
function commitmentWhere(f: ListFilter, purpose: 'list' | 'count' = 'list'): SQL | undefined {
	const plan = searchPlan(f.q);
	const e = and_(enterpriseConds(f, purpose));
	// Through the enterprise index — a few enterprises' commitments, or a broad search's total from
	// the name index — the unary + keeps the planner from walking every commitment by date instead.
	// Listing a broad search walks the commitments in order, checking each one's enterprise.
	const walk = plan.kind === 'broad' && (purpose === 'list' || !plan.indexed);
	const viaEnterprise = plan.kind === 'few' || (plan.kind === 'broad' && !walk);
	const is = <T>(column: SQLiteColumn, value: T) =>
		viaEnterprise ? sql`+${column} = ${value}` : eq(column, value);
	const ofEnterprise = (cond: SQL) =>
		walk
			? exists(
					db
						.select({ one: sql`1` })
						.from(enterprise)
						.where(and(eq(enterprise.id, commitment.enterpriseId), cond))
				)
			: inArray(
					commitment.enterpriseId,
					db.select({ id: enterprise.id }).from(enterprise).where(cond)
				);
	return and_([
		e ? ofEnterprise(e) : undefined,
		f.year ? is(commitment.year, f.year) : undefined,
		f.status === 'published' || f.status === 'withdrawn'
			? is(commitment.status, f.status)
			: undefined,
		f.enterpriseId ? eq(commitment.enterpriseId, f.enterpriseId) : undefined
	]);
}

const commitmentFields = {
	id: commitment.id,
	year: commitment.year,
	type: commitment.type,
	disclosedOn: commitment.disclosedOn,
	channel: commitment.channel,
	link: commitment.link,
	status: commitment.status,
	createdAt: commitment.createdAt,
	enterpriseId: enterprise.id,
	enterpriseName: enterprise.name,
	uscc: enterprise.uscc,
	townId: enterprise.townId,
	townSlug: town.slug,
	townName: town.name
};

function commitmentQuery(f: ListFilter, range?: SQL) {
	return db
		.select(commitmentFields)
		.from(commitment)
		.innerJoin(enterprise, eq(enterprise.id, commitment.enterpriseId))
		.innerJoin(town, eq(town.id, enterprise.townId))
		.where(and_([commitmentWhere(f), range]))
		.orderBy(desc(commitment.disclosedOn), desc(commitment.id));
}

export type CommitmentRow = ReturnType<typeof allCommitments>[number];

export function listCommitments(f: ListFilter) {
	// a far page walks the date index for its ids, then joins only those
	const ids = (limit: number, offset: number) =>
		db
			.select({ id: commitment.id })
			.from(commitment)
			.where(commitmentWhere(f))
			.orderBy(desc(commitment.disclosedOn), desc(commitment.id))
			.limit(limit)
			.offset(offset);
	const rows = {
		limit: (n: number) => ({
			offset: (o: number) => commitmentQuery({ townIds: null }, inArray(commitment.id, ids(n, o)))
		})
	};
	return page(
		'commitments',
		f,
		rows,
		() =>
			db.select({ n: count() }).from(commitment).where(commitmentWhere(f, 'count')).get()?.n ?? 0
	);
}

export function allCommitments(f: ListFilter) {
	return commitmentQuery(f).all();
}

/**
 * The same rows in the same order, read `size` commitments at a time along the date index, with a
 * pause between steps: each step is a short query whatever the filter (a rare search scans its
 * share, not the table), so a large export never holds the server, or every row, at once.
 */
export async function* commitmentsInSteps(
	f: ListFilter,
	size = 1000
): AsyncGenerator<CommitmentRow> {
	const key = sql`(${commitment.disclosedOn}, ${commitment.id})`;
	let after: { d: string; id: number } | undefined;
	for (;;) {
		const keys = db
			.select({ d: commitment.disclosedOn, id: commitment.id })
			.from(commitment)
			.where(
				and_([
					f.year ? eq(commitment.year, f.year) : undefined,
					f.status === 'published' || f.status === 'withdrawn'
						? eq(commitment.status, f.status)
						: undefined,
					after ? sql`${key} < (${after.d}, ${after.id})` : undefined
				])
			)
			.orderBy(desc(commitment.disclosedOn), desc(commitment.id))
			.limit(size)
			.all();
		if (!keys.length) return;
		const first = keys[0];
		const last = keys[keys.length - 1];
		yield* commitmentQuery(
			f,
			sql`${key} <= (${first.d}, ${first.id}) and ${key} >= (${last.d}, ${last.id})`
		).all();
		if (keys.length < size) return;
		after = last;
		// other requests are served between steps
		await new Promise((r) => setImmediate(r));
	}
}

/** The public list (公示): published commitments only, no login. */
export function publicCommitments(f: Omit<ListFilter, 'townIds' | 'status'>) {
	return listCommitments({ ...f, townIds: null, status: 'published' });
}

// ---------------------------------------------------------------------------------------------
// Supplementary disclosures and credit reports

export type ReportInput = {
	enterpriseId: number;
	year: number;
	items: string[];
	disclosedOn: string | null;
	reportNo: string | null;
	agency: string | null;
	issuedOn: string | null;
	status: ReportStatus;
	pdfKey?: string | null;
};

export function reportById(id: number): CreditReport | undefined {
	return db.select().from(creditReport).where(eq(creditReport.id, id)).get();
}

/** Creates the enterprise's report for the year, or updates it; one per enterprise and year. */
export function saveReport(actor: Actor, input: ReportInput, now = new Date()): CreditReport {
	return db.transaction((tx) => {
		ensureYear(tx, input.year);
		const e = tx.select().from(enterprise).where(eq(enterprise.id, input.enterpriseId)).get();
		if (!e) throw new Error('enterprise not found');
		const before = tx
			.select()
			.from(creditReport)
			.where(
				and(eq(creditReport.enterpriseId, input.enterpriseId), eq(creditReport.year, input.year))
			)
			.get();
		const values = { ...input, pdfKey: input.pdfKey ?? before?.pdfKey ?? null, updatedAt: now };
		const after = before
			? tx.update(creditReport).set(values).where(eq(creditReport.id, before.id)).returning().get()
			: tx
					.insert(creditReport)
					.values({ ...values, createdAt: now })
					.returning()
					.get();
		audit.record(tx, actor, {
			action: before ? 'report.update' : 'report.create',
			entityType: 'credit_report',
			entityId: after.id,
			townId: e.townId,
			before: before ?? null,
			after
		});
		return after;
	});
}

function reportWhere(f: ListFilter): SQL | undefined {
	return and_([
		...enterpriseConds(f),
		f.year ? eq(creditReport.year, f.year) : undefined,
		f.status === 'applied' || f.status === 'disclosed' || f.status === 'issued'
			? eq(creditReport.status, f.status)
			: undefined,
		f.enterpriseId ? eq(creditReport.enterpriseId, f.enterpriseId) : undefined
	]);
}

function reportQuery(f: ListFilter) {
	return db
		.select({
			id: creditReport.id,
			year: creditReport.year,
			items: creditReport.items,
			disclosedOn: creditReport.disclosedOn,
			reportNo: creditReport.reportNo,
			agency: creditReport.agency,
			issuedOn: creditReport.issuedOn,
			status: creditReport.status,
			hasPdf: sql<number>`${creditReport.pdfKey} IS NOT NULL`,
			enterpriseId: enterprise.id,
			enterpriseName: enterprise.name,
			uscc: enterprise.uscc,
			townId: enterprise.townId,
			townName: town.name
		})
		.from(creditReport)
		.innerJoin(enterprise, eq(enterprise.id, creditReport.enterpriseId))
		.innerJoin(town, eq(town.id, enterprise.townId))
		.where(reportWhere(f))
		.orderBy(desc(creditReport.updatedAt), desc(creditReport.id));
}

export type ReportRow = ReturnType<typeof allReports>[number];

export function listReports(f: ListFilter) {
	return page(
		'reports',
		f,
		reportQuery(f),
		() =>
			db
				.select({ n: count() })
				.from(creditReport)
				.innerJoin(enterprise, eq(enterprise.id, creditReport.enterpriseId))
				.where(reportWhere(f))
				.get()?.n ?? 0
	);
}

export function allReports(f: ListFilter) {
	return reportQuery(f).all();
}

// ---------------------------------------------------------------------------------------------
// Reported counts (进度填报)

export type CountInput = {
	townId: number;
	year: number;
	asOf: string;
	commitments: number;
	reports: number;
	note: string | null;
};

/** Files a town's own count, as of a day not after today. */
export function fileCount(actor: Actor, input: CountInput, now = new Date()) {
	if (input.asOf > todayISO(now)) throw new DomainError('asOf', '截至日期不能晚于今天');
	return db.transaction((tx) => {
		ensureYear(tx, input.year);
		const created = tx
			.insert(countReport)
			.values({ ...input, createdAt: now, createdBy: actor.id })
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'count.file',
			entityType: 'count_report',
			entityId: created.id,
			townId: input.townId,
			after: created
		});
		return created;
	});
}

/** A filing, if it may still be corrected or withdrawn: not already voided. */
function liveCount(tx: Tx, id: number) {
	const before = tx.select().from(countReport).where(eq(countReport.id, id)).get();
	if (!before) throw new DomainError('_', '填报记录不存在');
	if (before.voidedAt) throw new DomainError('_', '这条填报已更正或撤回，请在最新的一条上操作');
	return before;
}

/** A filing no longer counts: corrected or withdrawn, with the reason; it stays in the history. */
function voidCount(tx: Tx, actor: Actor, id: number, reason: string, now: Date) {
	return tx
		.update(countReport)
		.set({ voidedAt: now, voidedBy: actor.id, voidReason: reason })
		.where(eq(countReport.id, id))
		.returning()
		.get();
}

/** The filing `id` as it stands, for the caller's scope check. */
export function countById(id: number) {
	return db.select().from(countReport).where(eq(countReport.id, id)).get();
}

/**
 * Corrects a filed count: a new filing replaces it, with the reason; the old one stays in the
 * history, voided, and no longer counts. The town is the old filing's.
 */
export function correctCount(
	actor: Actor,
	id: number,
	input: Omit<CountInput, 'townId'> & { reason: string },
	now = new Date()
) {
	if (input.asOf > todayISO(now)) throw new DomainError('asOf', '截至日期不能晚于今天');
	return db.transaction((tx) => {
		const before = liveCount(tx, id);
		const { reason, ...values } = input;
		ensureYear(tx, values.year);
		const created = tx
			.insert(countReport)
			.values({
				...values,
				townId: before.townId,
				supersedesId: before.id,
				reason,
				createdAt: now,
				createdBy: actor.id
			})
			.returning()
			.get();
		const voided = voidCount(tx, actor, id, reason, now);
		audit.record(tx, actor, {
			action: 'count.correct',
			entityType: 'count_report',
			entityId: created.id,
			townId: before.townId,
			before: voided,
			after: created
		});
		return created;
	});
}

/** Withdraws a filed count with the reason; it stays in the history and no longer counts. */
export function withdrawCount(actor: Actor, id: number, reason: string, now = new Date()) {
	return db.transaction((tx) => {
		const before = liveCount(tx, id);
		const after = voidCount(tx, actor, id, reason, now);
		audit.record(tx, actor, {
			action: 'count.withdraw',
			entityType: 'count_report',
			entityId: id,
			townId: before.townId,
			before,
			after
		});
		return after;
	});
}

/** Every filing of the year, newest first, voided ones too: the history shows what was changed. */
export function listCounts(f: { townIds: number[] | null; year: number }) {
	const rows = db
		.select({
			id: countReport.id,
			townId: countReport.townId,
			townName: town.name,
			asOf: countReport.asOf,
			commitments: countReport.commitments,
			reports: countReport.reports,
			note: countReport.note,
			createdAt: countReport.createdAt,
			supersedesId: countReport.supersedesId,
			reason: countReport.reason,
			voidedAt: countReport.voidedAt,
			voidReason: countReport.voidReason
		})
		.from(countReport)
		.innerJoin(town, eq(town.id, countReport.townId))
		.where(and(eq(countReport.year, f.year), townIn(countReport.townId, f.townIds)))
		.orderBy(desc(countReport.createdAt), desc(countReport.id))
		.all();
	const corrected = new Set(rows.map((r) => r.supersedesId).filter((x) => x != null));
	return rows.map((r) => ({
		...r,
		state: (!r.voidedAt ? 'current' : corrected.has(r.id) ? 'corrected' : 'withdrawn') as CountState
	}));
}

// ---------------------------------------------------------------------------------------------
// Progress

type Daily = { townId: number; d: string; n: number };

/**
 * Per town and day, how many enterprises were first counted that day: the first published
 * commitment's date, and the issue date of issued reports. Every figure below is a sum over these.
 */
function daily(year: number): { commitments: Daily[]; reports: Daily[] } {
	return cached(`campaign:daily:${year}`, () => ({
		commitments: raw.firstCommitmentsByTownAndDay(year),
		reports: raw.issuedReportsByTownAndDay(year)
	}));
}

function sumByTown(rows: Daily[], from?: string, to?: string): Map<number, number> {
	const out = new Map<number, number>();
	for (const r of rows) {
		if (from !== undefined && r.d < from) continue;
		if (to !== undefined && r.d > to) continue;
		out.set(r.townId, (out.get(r.townId) ?? 0) + r.n);
	}
	return out;
}

export type Figure = { count: number; target: number };

export type TownProgress = {
	townId: number;
	slug: string;
	name: string;
	commitments: Figure;
	reports: Figure;
};

export type Progress = {
	year: number;
	district: { commitments: Figure; reports: Figure };
	townTargets: { commitments: number; reports: number };
	towns: TownProgress[];
};

/** District and per-town counts and targets, as of `asOf` (YYYY-MM-DD) or now. */
export function progress(year: number, asOf?: string): Progress {
	return cached(`campaign:progress:${year}:${asOf ?? ''}`, () => {
		const t = targets(year);
		const d = daily(year);
		const c = sumByTown(d.commitments, undefined, asOf);
		const r = sumByTown(d.reports, undefined, asOf);
		const rows = towns.list().map((tw) => ({
			townId: tw.id,
			slug: tw.slug,
			name: tw.name,
			commitments: { count: c.get(tw.id) ?? 0, target: t.towns.get(tw.id)?.commitmentTarget ?? 0 },
			reports: { count: r.get(tw.id) ?? 0, target: t.towns.get(tw.id)?.reportTarget ?? 0 }
		}));
		const total = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
		return {
			year,
			district: {
				commitments: { count: total(c), target: t.commitmentTarget },
				reports: { count: total(r), target: t.reportTarget }
			},
			townTargets: {
				commitments: rows.reduce((a, x) => a + x.commitments.target, 0),
				reports: rows.reduce((a, x) => a + x.reports.target, 0)
			},
			towns: rows
		};
	});
}

function paceOf(f: Figure, share: number): Pace {
	if (f.target <= 0) return 'no_target';
	return f.count / f.target >= share ? 'on_track' : 'behind';
}

export type TrendPoint = { week: string; commitments: number; reports: number };

function trend(year: number, today: string): TrendPoint[] {
	const d = daily(year);
	const last = year < Number(today.slice(0, 4)) ? `${year}-12-31` : today;
	const points: TrendPoint[] = [];
	if (year > Number(today.slice(0, 4))) return points;
	let start = weekStart(`${year}-01-01`);
	const sorted = (rows: Daily[]) => [...rows].sort((a, b) => (a.d < b.d ? -1 : 1));
	const cs = sorted(d.commitments);
	const rs = sorted(d.reports);
	let ci = 0;
	let ri = 0;
	let cAcc = 0;
	let rAcc = 0;
	while (start <= last) {
		let end = addDays(start, 6);
		if (end > last) end = last;
		while (ci < cs.length && cs[ci].d <= end) cAcc += cs[ci++].n;
		while (ri < rs.length && rs[ri].d <= end) rAcc += rs[ri++].n;
		points.push({ week: end, commitments: cAcc, reports: rAcc });
		start = addDays(start, 7);
	}
	return points;
}

export type TownDashboardRow = TownProgress & {
	commitmentPct: number;
	reportPct: number;
	pace: Pace;
	reportPace: Pace;
	rank: number;
	weekCommitments: number;
	weekReports: number;
	reported: {
		asOf: string;
		commitments: number;
		reports: number;
		itemisedCommitments: number;
		itemisedReports: number;
		disagrees: boolean;
	} | null;
};

function pct(f: Figure) {
	return f.target > 0 ? f.count / f.target : 0;
}

function latestCounts(year: number) {
	return raw.latestCountReports(year);
}

/**
 * Everything the dashboard shows. Each town is one row object, so another area can add its own
 * column by mapping over `towns`.
 */
export function dashboard(year: number, now = new Date()) {
	const today = todayISO(now);
	return cached(`campaign:dashboard:${year}:${today}`, () => {
		const p = progress(year);
		const share = shareOfYear(year, today);
		const d = daily(year);
		const monday = weekStart(today);
		const weekC = sumByTown(d.commitments, monday, today);
		const weekR = sumByTown(d.reports, monday, today);
		const counts = new Map(latestCounts(year).map((c) => [c.townId, c]));
		const rows: TownDashboardRow[] = p.towns.map((t) => {
			const rep = counts.get(t.townId);
			let reported: TownDashboardRow['reported'] = null;
			if (rep) {
				const ic = sumByTown(d.commitments, undefined, rep.asOf).get(t.townId) ?? 0;
				const ir = sumByTown(d.reports, undefined, rep.asOf).get(t.townId) ?? 0;
				reported = {
					asOf: rep.asOf,
					commitments: rep.commitments,
					reports: rep.reports,
					itemisedCommitments: ic,
					itemisedReports: ir,
					disagrees: ic !== rep.commitments || ir !== rep.reports
				};
			}
			return {
				...t,
				commitmentPct: pct(t.commitments),
				reportPct: pct(t.reports),
				pace: paceOf(t.commitments, share),
				reportPace: paceOf(t.reports, share),
				rank: 0,
				weekCommitments: weekC.get(t.townId) ?? 0,
				weekReports: weekR.get(t.townId) ?? 0,
				reported
			};
		});
		const ranked = [...rows].sort(
			(a, b) =>
				b.commitmentPct - a.commitmentPct ||
				b.reportPct - a.reportPct ||
				b.commitments.count - a.commitments.count
		);
		ranked.forEach((r, i) => (r.rank = i + 1));
		const withdrawnThisWeek = {
			n: raw.withdrawnSince(year, Date.parse(`${monday}T00:00:00+08:00`))
		};
		return {
			year,
			today,
			share,
			district: {
				...p.district,
				pace: paceOf(p.district.commitments, share),
				reportPace: paceOf(p.district.reports, share)
			},
			townTargets: p.townTargets,
			towns: rows,
			ranking: ranked.map((r) => r.townId),
			trend: trend(year, today),
			week: {
				from: monday,
				commitments: [...weekC.values()].reduce((a, b) => a + b, 0),
				reports: [...weekR.values()].reduce((a, b) => a + b, 0),
				withdrawn: withdrawnThisWeek.n
			}
		};
	});
}

/** 月通报: every town as of the month's end, what the month added, and who is behind. */
export function bulletin(year: number, month: number, now = new Date()) {
	const today = todayISO(now);
	const end = monthEnd(year, month) < today ? monthEnd(year, month) : today;
	const start = `${year}-${String(month).padStart(2, '0')}-01`;
	const p = progress(year, end);
	const share = shareOfYear(year, end);
	const d = daily(year);
	const monthC = sumByTown(d.commitments, start, end);
	const monthR = sumByTown(d.reports, start, end);
	const rows = p.towns
		.map((t) => ({
			...t,
			commitmentPct: pct(t.commitments),
			reportPct: pct(t.reports),
			pace: paceOf(t.commitments, share),
			monthCommitments: monthC.get(t.townId) ?? 0,
			monthReports: monthR.get(t.townId) ?? 0,
			rank: 0
		}))
		.sort(
			(a, b) =>
				b.commitmentPct - a.commitmentPct ||
				b.reportPct - a.reportPct ||
				b.commitments.count - a.commitments.count
		);
	rows.forEach((r, i) => (r.rank = i + 1));
	return {
		year,
		month,
		asOf: end,
		share,
		district: p.district,
		monthCommitments: [...monthC.values()].reduce((a, b) => a + b, 0),
		monthReports: [...monthR.values()].reduce((a, b) => a + b, 0),
		towns: rows,
		behind: rows.filter((r) => r.pace === 'behind').map((r) => r.name)
	};
}
