/**
 * Credit-town applications (信用街镇示范创建申报): a town officer files its own town's statement and
 * evidence per item of the credit-town creation standard and submits it (申报); the district
 * returns it (退回修改) or accepts it (创建中), scores it item by item in an inspection of the
 * streets' engine (see naming.ts for what the result does), and may later revoke the name. A name
 * past its last valid day expires. Every step is audited.
 */
import {
	and,
	asc,
	count,
	desc,
	eq,
	getTableColumns,
	inArray,
	lt,
	sql,
	type SQL
} from 'drizzle-orm';
import { db, type Tx } from '../db';
import {
	creditTown,
	creditTownEvidence,
	creditTownFile,
	town,
	type CreditTown,
	type CreditTownFile
} from '../db/schema';
import * as audit from '../audit';
import { SYSTEM, type Actor } from '../actor';
import { DomainError } from '../forms';
import { can } from '../access/policy';
import { townIn } from '../access';
import { standards, inspections } from '../streets';
import { scoreInspection } from '../streets/badge-state';
import type { StoredFile } from '../files/uploads';
import { todayISO } from '../../format';
import {
	DEFAULT_PASS_MARK,
	EDITABLE_STATUSES,
	OPEN_STATUSES,
	type CreditTownStatus
} from '../../credit-towns';
import { passes } from './naming';

export const MAX_FILES_PER_ITEM = 5;

type Scope = Parameters<typeof townIn>[1];

export function byId(id: number): CreditTown | undefined {
	return db.select().from(creditTown).where(eq(creditTown.id, id)).get();
}

/** Whether the actor may file the town's application: its own town's officer (or the system). */
export function mayApply(actor: Actor, townId: number) {
	return actor.role === 'system' || can(actor, 'apply', 'credit_town', { townId });
}

function mayReview(actor: Actor) {
	return actor.role === 'system' || actor.role === 'district_admin';
}

function requireReviewer(actor: Actor) {
	if (!mayReview(actor)) throw new DomainError('_', '只有区级管理员可以审核信用街镇示范创建');
}

/** The town's statement per item, by item id. */
function statementsOf(tx: Tx | typeof db, id: number): Map<number, string> {
	const rows = tx.select().from(creditTownEvidence).where(eq(creditTownEvidence.creditTownId, id));
	return new Map(rows.all().map((e) => [e.itemId, e.text]));
}

/** The application with its town, its standard version, the town's statements and files. */
export function detail(id: number) {
	const app = byId(id);
	if (!app) return undefined;
	const t = db.select().from(town).where(eq(town.id, app.townId)).get()!;
	const std = standards.byId(app.standardId)!;
	const texts = statementsOf(db, id);
	const files = db
		.select()
		.from(creditTownFile)
		.where(eq(creditTownFile.creditTownId, id))
		.orderBy(asc(creditTownFile.id))
		.all();
	const review = app.inspectionId ? inspections.detail(app.inspectionId) : undefined;
	const scores = new Map(review?.scores.map((s) => [s.itemId, s]) ?? []);
	return {
		application: app,
		town: { id: t.id, name: t.name, slug: t.slug },
		standard: { ...std, passMark: std.passMark ?? DEFAULT_PASS_MARK },
		items: std.items.map((it) => ({
			...it,
			statement: texts.get(it.id) ?? '',
			files: files.filter((f) => f.itemId === it.id),
			score: scores.get(it.id) ?? null
		})),
		review: review?.inspection ?? null
	};
}

export type Detail = NonNullable<ReturnType<typeof detail>>;

/** The town's latest application, if any. */
export function latestOf(townId: number): CreditTown | undefined {
	return db
		.select()
		.from(creditTown)
		.where(eq(creditTown.townId, townId))
		.orderBy(desc(creditTown.id))
		.get();
}

/** Opens a draft for the town against the current standard; an open application is refused. */
export function start(actor: Actor, townId: number, now = new Date()): CreditTown {
	if (!db.select({ id: town.id }).from(town).where(eq(town.id, townId)).get())
		throw new DomainError('townId', '请选择街镇');
	if (!mayApply(actor, townId)) throw new DomainError('townId', '您只能为本街镇申报');
	const std = standards.current('credit_town');
	if (!std) throw new DomainError('_', '尚未发布信用街镇示范创建标准，请联系区级管理员');
	return db.transaction((tx) => {
		const open = tx
			.select()
			.from(creditTown)
			.where(and(eq(creditTown.townId, townId), inArray(creditTown.status, [...OPEN_STATUSES])))
			.get();
		if (open) throw new DomainError('_', '本街镇已有一份进行中的申报或有效的命名，不能重复申报');
		const row = tx
			.insert(creditTown)
			.values({
				townId,
				standardId: std.id,
				status: 'draft',
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now
			})
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'credit_town.start',
			entityType: 'credit_town',
			entityId: row.id,
			townId,
			after: row
		});
		return row;
	});
}

export type EvidenceInput = {
	note: string;
	/** The statement per item; items not named keep theirs. */
	texts: { itemId: number; text: string }[];
};

/**
 * Saves the town's statements and files (new ones, and without the removed ones); with `submit`,
 * also files it (申报): every scored item needs a statement and at least one evidence file.
 */
export function save(
	actor: Actor,
	id: number,
	input: EvidenceInput,
	files: { add?: { itemId: number; file: StoredFile }[]; remove?: number[] } = {},
	submit = false,
	now = new Date()
) {
	const before = byId(id);
	if (!before) throw new DomainError('_', '申报不存在');
	if (!mayApply(actor, before.townId)) throw new DomainError('_', '您只能修改本街镇的申报');
	if (!EDITABLE_STATUSES.includes(before.status))
		throw new DomainError('_', '申报已提交，不能再修改；如需修改，请联系区级管理员退回');
	const std = standards.byId(before.standardId)!;
	const itemIds = new Set(std.items.map((i) => i.id));
	return db.transaction((tx) => {
		for (const t of input.texts) {
			if (!itemIds.has(t.itemId)) continue;
			tx.insert(creditTownEvidence)
				.values({ creditTownId: id, itemId: t.itemId, text: t.text.trim().slice(0, 2000) })
				.onConflictDoUpdate({
					target: [creditTownEvidence.creditTownId, creditTownEvidence.itemId],
					set: { text: t.text.trim().slice(0, 2000) }
				})
				.run();
		}
		if (files.remove?.length)
			tx.delete(creditTownFile)
				.where(and(eq(creditTownFile.creditTownId, id), inArray(creditTownFile.id, files.remove)))
				.run();
		for (const f of files.add ?? []) {
			if (!itemIds.has(f.itemId)) continue;
			tx.insert(creditTownFile)
				.values({
					creditTownId: id,
					itemId: f.itemId,
					key: f.file.key,
					name: f.file.name,
					kind: f.file.kind,
					size: f.file.size,
					createdAt: now
				})
				.run();
		}
		const stored = tx
			.select({ itemId: creditTownFile.itemId, n: count() })
			.from(creditTownFile)
			.where(eq(creditTownFile.creditTownId, id))
			.groupBy(creditTownFile.itemId)
			.all();
		const fileCount = new Map(stored.map((r) => [r.itemId, r.n]));
		const tooMany = std.items.find((it) => (fileCount.get(it.id) ?? 0) > MAX_FILES_PER_ITEM);
		if (tooMany)
			throw new DomainError(
				`files_${tooMany.id}`,
				`每项最多 ${MAX_FILES_PER_ITEM} 个佐证材料（${tooMany.code}）`
			);
		if (submit) {
			const texts = statementsOf(tx, id);
			const scored = std.items.filter((it) => !it.veto);
			const noText = scored.find((it) => !texts.get(it.id)?.trim());
			if (noText)
				throw new DomainError(`text_${noText.id}`, `请填写 ${noText.code} 项的创建情况后再申报`);
			const noFile = scored.find((it) => !fileCount.get(it.id));
			if (noFile)
				throw new DomainError(
					`files_${noFile.id}`,
					`请为 ${noFile.code} 项上传至少一个佐证材料后再申报`
				);
		}
		const after = tx
			.update(creditTown)
			.set({
				note: input.note.trim().slice(0, 2000),
				...(submit
					? { status: 'submitted' as const, submittedOn: todayISO(now), returnComment: '' }
					: {}),
				updatedAt: now
			})
			.where(eq(creditTown.id, id))
			.returning()
			.get();
		audit.record(tx, actor, {
			action: submit ? 'credit_town.submit' : 'credit_town.save',
			entityType: 'credit_town',
			entityId: id,
			townId: after.townId,
			before,
			after: { ...after, filesAdded: (files.add ?? []).map((f) => f.file.name) }
		});
		return after;
	});
}

function transition(
	actor: Actor,
	id: number,
	from: CreditTownStatus[],
	set: Partial<CreditTown>,
	action: string,
	refuse: string,
	now: Date
) {
	return db.transaction((tx) => {
		const before = tx.select().from(creditTown).where(eq(creditTown.id, id)).get();
		if (!before) throw new DomainError('_', '申报不存在');
		if (!from.includes(before.status)) throw new DomainError('_', refuse);
		const after = tx
			.update(creditTown)
			.set({ ...set, updatedAt: now })
			.where(eq(creditTown.id, id))
			.returning()
			.get();
		audit.record(
			tx,
			actor,
			{
				action,
				entityType: 'credit_town',
				entityId: id,
				townId: after.townId,
				before: { status: before.status },
				after: { status: after.status, ...set }
			},
			now
		);
		return after;
	});
}

/** 退回修改: the town fixes its evidence and files it again. */
export function sendBack(actor: Actor, id: number, comment: string, now = new Date()) {
	requireReviewer(actor);
	if (!comment.trim()) throw new DomainError('comment', '请写明退回的原因和需要补充的材料');
	return transition(
		actor,
		id,
		['submitted'],
		{ status: 'returned', returnComment: comment.trim() },
		'credit_town.return',
		'只能退回已申报、尚未受理的申报',
		now
	);
}

/** 受理: the application enters 创建中 and its review is opened against its own version. */
export function accept(actor: Actor, id: number, now = new Date()) {
	requireReviewer(actor);
	transition(
		actor,
		id,
		['submitted'],
		{ status: 'building', acceptedOn: todayISO(now) },
		'credit_town.accept',
		'只能受理已申报的申报',
		now
	);
	return openReview(actor, id, now);
}

/**
 * The open review of an application under creation (or a named town's yearly review), opened if
 * none is: an inspection of the streets' engine against the application's standard version.
 */
export function openReview(actor: Actor, id: number, now = new Date()) {
	requireReviewer(actor);
	const app = byId(id);
	if (!app) throw new DomainError('_', '申报不存在');
	if (app.status !== 'building' && app.status !== 'named')
		throw new DomainError('_', '只有创建中或已命名的街镇可以评审');
	const ins = inspections.start(
		actor,
		{ creditTownId: id, townId: app.townId, standardId: app.standardId },
		now
	);
	if (app.inspectionId !== ins.id)
		db.update(creditTown).set({ inspectionId: ins.id }).where(eq(creditTown.id, id)).run();
	return ins;
}

/**
 * Saves the district's scores and comments per item; with `submit`, decides: the town is named,
 * or fails (a reason is then required), or — for a named town's yearly review — keeps or loses
 * its name. The total comes from the engine, never the form.
 */
export function score(
	actor: Actor,
	id: number,
	input: inspections.SaveInput,
	submit = false,
	now = new Date()
) {
	requireReviewer(actor);
	const app = byId(id);
	if (!app) throw new DomainError('_', '申报不存在');
	const ins = app.inspectionId ? inspections.byId(app.inspectionId) : undefined;
	if (!ins || ins.status !== 'draft' || (app.status !== 'building' && app.status !== 'named'))
		throw new DomainError('_', '这份申报没有进行中的评审');
	if (submit) {
		const std = standards.byId(app.standardId)!;
		const r = scoreInspection(
			std.items,
			input.scores.map((s) => ({ itemId: s.itemId, points: s.points ?? 0, vetoHit: s.vetoHit }))
		);
		if (!passes(r.total, r.vetoHits, std.passMark ?? DEFAULT_PASS_MARK) && !input.summary?.trim())
			throw new DomainError(
				'summary',
				`评审结果 ${r.total} 分未达到合格线${r.vetoHits ? '或触发一票否决' : ''}，请填写未通过的原因`
			);
	}
	// the review is dated the day the district submits it, unless it gives a day
	const dated = submit && !input.inspectedOn ? { ...input, inspectedOn: todayISO(now) } : input;
	return inspections.save(actor, ins.id, dated, submit, now);
}

/** 撤销: a named town loses its name, with the reason. */
export function revoke(actor: Actor, id: number, reason: string, now = new Date()) {
	requireReviewer(actor);
	if (reason.trim().length < 4)
		throw new DomainError('reason', '请写明撤销命名的原因（至少 4 个字）');
	return transition(
		actor,
		id,
		['named'],
		{ status: 'revoked', endedOn: todayISO(now), reason: reason.trim() },
		'credit_town.revoked',
		'只有已命名的街镇可以撤销命名',
		now
	);
}

/** Names past their last valid day become 已过期. */
export function expireDue(now = new Date()) {
	const today = todayISO(now);
	const due = db
		.select({ id: creditTown.id })
		.from(creditTown)
		.where(and(eq(creditTown.status, 'named'), lt(creditTown.validUntil, today)))
		.all();
	for (const { id } of due)
		transition(
			SYSTEM,
			id,
			['named'],
			{ status: 'expired', endedOn: today },
			'credit_town.expired',
			'',
			now
		);
	return due.length;
}

// ------------------------------------------------------------ reading

export type ListFilter = {
	townId?: number;
	status?: CreditTownStatus;
	limit?: number;
	offset?: number;
};

function where(scope: Scope, f: ListFilter): SQL | undefined {
	return and(
		townIn(creditTown.townId, scope),
		f.townId ? eq(creditTown.townId, f.townId) : undefined,
		f.status ? eq(creditTown.status, f.status) : undefined,
		// the district sees what the towns have filed, not their drafts
		scope === null && f.status !== 'draft' ? sql`${creditTown.status} <> 'draft'` : undefined
	);
}

/** Applications, those waiting for the district first, then newest. */
export function list(scope: Scope, f: ListFilter = {}) {
	const w = where(scope, f);
	const items = db
		.select({
			id: creditTown.id,
			status: creditTown.status,
			townId: creditTown.townId,
			townName: town.name,
			townSlug: town.slug,
			submittedOn: creditTown.submittedOn,
			acceptedOn: creditTown.acceptedOn,
			namedOn: creditTown.namedOn,
			validUntil: creditTown.validUntil,
			reviewDueOn: creditTown.reviewDueOn,
			decidedOn: creditTown.decidedOn,
			total: creditTown.total
		})
		.from(creditTown)
		.innerJoin(town, eq(town.id, creditTown.townId))
		.where(w)
		.orderBy(
			sql`case ${creditTown.status} when 'submitted' then 0 when 'building' then 1 else 2 end`,
			desc(creditTown.updatedAt),
			desc(creditTown.id)
		)
		.limit(f.limit ?? 50)
		.offset(f.offset ?? 0)
		.all();
	const total = db.select({ n: count() }).from(creditTown).where(w).get()?.n ?? 0;
	return { items, total };
}

/** Each town's latest application, for the towns given (a town officer's page). */
export function forTowns(townIds: number[]) {
	return townIds.flatMap((id) => {
		const t = db.select().from(town).where(eq(town.id, id)).get();
		if (!t) return [];
		const history = db
			.select()
			.from(creditTown)
			.where(eq(creditTown.townId, id))
			.orderBy(desc(creditTown.id))
			.limit(10)
			.all();
		return [
			{ town: { id: t.id, name: t.name, slug: t.slug }, latest: history[0] ?? null, history }
		];
	});
}

/** What the public sees of a town's latest filed application: its status and since when. */
export type PublicStatus = {
	status: Exclude<CreditTownStatus, 'draft' | 'returned'>;
	since: string | null;
	validUntil: string | null;
};

function publicOf(a: CreditTown, today: string): PublicStatus | null {
	if (a.status === 'draft') return null;
	// a returned application is still filed, as far as the public is concerned
	if (a.status === 'returned' || a.status === 'submitted')
		return { status: 'submitted', since: a.submittedOn, validUntil: null };
	if (a.status === 'named' && a.validUntil && a.validUntil < today)
		return { status: 'expired', since: a.validUntil, validUntil: a.validUntil };
	const since = {
		building: a.acceptedOn,
		named: a.namedOn,
		failed: a.decidedOn,
		revoked: a.endedOn,
		expired: a.endedOn
	}[a.status];
	return { status: a.status, since, validUntil: a.status === 'named' ? a.validUntil : null };
}

/** Each town's public status, by town id (towns with nothing filed are absent). */
export function publicStatusByTown(today = todayISO()): Map<number, PublicStatus> {
	const rows = db
		.select()
		.from(creditTown)
		.where(sql`${creditTown.status} <> 'draft'`)
		.orderBy(asc(creditTown.id))
		.all();
	const out = new Map<number, PublicStatus>();
	for (const a of rows) {
		const p = publicOf(a, today);
		if (p) out.set(a.townId, p);
	}
	return out;
}

/** Towns named now (信用街镇示范), by town order. */
export function named(today = todayISO()) {
	return db
		.select({
			townId: creditTown.townId,
			name: town.name,
			slug: town.slug,
			namedOn: creditTown.namedOn,
			validUntil: creditTown.validUntil
		})
		.from(creditTown)
		.innerJoin(town, eq(town.id, creditTown.townId))
		.where(and(eq(creditTown.status, 'named'), sql`${creditTown.validUntil} >= ${today}`))
		.orderBy(asc(town.sortOrder))
		.all();
}

/** Counts by status, for the plan page and the figures. */
export function counts(today = todayISO()) {
	const c = Object.fromEntries(
		db
			.select({ status: creditTown.status, n: count() })
			.from(creditTown)
			.groupBy(creditTown.status)
			.all()
			.map((r) => [r.status, r.n])
	) as Partial<Record<CreditTownStatus, number>>;
	return {
		named: named(today).length,
		building: c.building ?? 0,
		waiting: c.submitted ?? 0,
		failed: c.failed ?? 0
	};
}

// ------------------------------------------------------------ work due

/** For the district: applications waiting to be accepted, and reviews due or open. */
export function dueForDistrict(today = todayISO()) {
	const waiting =
		db.select({ n: count() }).from(creditTown).where(eq(creditTown.status, 'submitted')).get()?.n ??
		0;
	const building =
		db.select({ n: count() }).from(creditTown).where(eq(creditTown.status, 'building')).get()?.n ??
		0;
	const reviews =
		db
			.select({ n: count() })
			.from(creditTown)
			.where(and(eq(creditTown.status, 'named'), sql`${creditTown.reviewDueOn} <= ${today}`))
			.get()?.n ?? 0;
	return { waiting, building, reviews };
}

/** For a town officer: its towns' latest applications that came back returned or failed. */
export function dueForTowns(townIds: number[]) {
	let returned = 0;
	let failed = 0;
	for (const id of townIds) {
		const a = latestOf(id);
		if (a?.status === 'returned') returned++;
		if (a?.status === 'failed') failed++;
	}
	return { returned, failed };
}

/** A file with its application's town, for the download's access check. */
export function file(id: number): (CreditTownFile & { townId: number }) | undefined {
	return db
		.select({ ...getTableColumns(creditTownFile), townId: creditTown.townId })
		.from(creditTownFile)
		.innerJoin(creditTown, eq(creditTown.id, creditTownFile.creditTownId))
		.where(eq(creditTownFile.id, id))
		.get();
}

/** The figures of work point 21's credit-town creation, in the plan's figure shape. */
export function planFigures(today = todayISO()) {
	const c = counts(today);
	return {
		figures: [
			{ label: '已命名信用街镇', value: c.named, unit: '个' },
			{ label: '创建中', value: c.building, unit: '个' },
			{ label: '已申报待受理', value: c.waiting, unit: '个' }
		]
	};
}

/**
 * What an application's pages show: the items with the town's statement and files, and the
 * district's scores and comments once the review is submitted (or always, for the district).
 */
export function pageOf(d: Detail, reviewer = false) {
	const decided = d.review?.status === 'submitted';
	const a = d.application;
	return {
		application: {
			id: a.id,
			status: a.status,
			note: a.note,
			submittedOn: a.submittedOn,
			acceptedOn: a.acceptedOn,
			decidedOn: a.decidedOn,
			namedOn: a.namedOn,
			validUntil: a.validUntil,
			reviewDueOn: a.reviewDueOn,
			reviewedOn: a.reviewedOn,
			endedOn: a.endedOn,
			returnComment: a.returnComment,
			reason: a.reason,
			total: a.total
		},
		town: d.town,
		standard: {
			id: d.standard.id,
			name: d.standard.name,
			version: d.standard.version,
			passMark: d.standard.passMark
		},
		items: d.items.map((it) => ({
			id: it.id,
			code: it.code,
			groupName: it.groupName,
			text: it.text,
			guidance: it.guidance,
			maxPoints: it.maxPoints,
			veto: it.veto,
			statement: it.statement,
			files: it.files.map((f) => ({ id: f.id, name: f.name, kind: f.kind, size: f.size })),
			score:
				it.score && (decided || reviewer)
					? { points: it.score.points, vetoHit: it.score.vetoHit, note: it.score.note }
					: null
		})),
		review:
			d.review && (decided || reviewer)
				? {
						id: d.review.id,
						status: d.review.status,
						inspectedOn: d.review.inspectedOn,
						total: d.review.total,
						vetoHits: d.review.vetoHits,
						summary: d.review.summary
					}
				: null
	};
}
