/**
 * Consumer feedback (消费者反馈) from the scan page and the merchant pages, reports of forged
 * codes, the officers' queue per town (待核实 → 属实 / 不属实 / 已调解), the deduction a verified
 * complaint applies through dynamic supervision, and the merchant's reply (商户回应).
 */
import { and, asc, count, desc, eq, lt, ne, sql, type SQL } from 'drizzle-orm';
import { db, preparedOnce, type DB } from '../db';
import { feedback, merchant, street, town, type Feedback } from '../db/schema';
import * as audit from '../audit';
import * as settings from '../settings';
import * as supervision from '../streets/supervision';
import * as receipts from './receipts';

export type { Receipt } from './receipts';
import { townIn } from '../access';
import { DomainError } from '../forms';
import { createWindowLimiter } from '../auth/rate-limit';
import type { Actor } from '../actor';
import {
	CATEGORY_LABEL,
	FEEDBACK_CATEGORIES,
	STATUS_LABEL,
	maskPhone,
	type FeedbackCategory,
	type FeedbackSource,
	type FeedbackStatus
} from '../../feedback';

/** Working days (Monday to Friday) an officer has to decide feedback, unless set otherwise. */
export const DEFAULT_DEADLINE_DAYS = 5;
const DEADLINE_KEY = 'feedback.deadline_days';

export function deadlineDays(): number {
	const n = Number(settings.get(DEADLINE_KEY));
	return Number.isInteger(n) && n > 0 ? n : DEFAULT_DEADLINE_DAYS;
}

export function setDeadlineDays(actor: Actor, days: number) {
	if (!Number.isInteger(days) || days < 1 || days > 60)
		throw new DomainError('deadlineDays', '办理时限应为 1 到 60 个工作日');
	db.transaction((tx) => {
		const before = deadlineDays();
		settings.set(DEADLINE_KEY, String(days), tx);
		audit.record(tx, actor, {
			action: 'feedback.deadline',
			entityType: 'setting',
			entityId: DEADLINE_KEY,
			before,
			after: days
		});
	});
}

export type Deductions = Record<FeedbackCategory, number>;
/** Points taken off the running score when a complaint of the category is verified. */
export const DEFAULT_DEDUCTIONS: Deductions = {
	price: 5,
	weight: 10,
	quality: 5,
	service: 3,
	advertising: 8,
	other: 3
};
const DEDUCTIONS_KEY = 'feedback.deductions';

export function deductions(): Deductions {
	const raw = settings.get(DEDUCTIONS_KEY);
	if (!raw) return DEFAULT_DEDUCTIONS;
	try {
		return { ...DEFAULT_DEDUCTIONS, ...(JSON.parse(raw) as Partial<Deductions>) };
	} catch {
		return DEFAULT_DEDUCTIONS;
	}
}

export function setDeductions(actor: Actor, next: Deductions) {
	for (const c of FEEDBACK_CATEGORIES)
		if (!Number.isInteger(next[c]) || next[c] < 0 || next[c] > 100)
			throw new DomainError(c, `${CATEGORY_LABEL[c]}的扣分应为 0 到 100 的整数`);
	db.transaction((tx) => {
		const before = deductions();
		settings.set(DEDUCTIONS_KEY, JSON.stringify(next), tx);
		audit.record(tx, actor, {
			action: 'feedback.deductions',
			entityType: 'setting',
			entityId: DEDUCTIONS_KEY,
			before,
			after: next
		});
	});
}

/** Per client: 3 in 10 minutes, 10 a day. */
export const CLIENT_LIMITS = [
	{ max: 3, windowMs: 10 * 60_000 },
	{ max: 10, windowMs: 24 * 60 * 60_000 }
];
/** Per merchant, from all clients together: 20 an hour (a flood is not a signal). */
export const MERCHANT_LIMIT = { max: 20, windowMs: 60 * 60_000 };

/** Counted in the database, so every worker process shares the same counts. */
export const clientLimiter = createWindowLimiter('feedback.client', CLIENT_LIMITS);
export const merchantLimiter = createWindowLimiter('feedback.merchant', [MERCHANT_LIMIT]);

function waitWords(ms: number): string {
	const min = Math.ceil(ms / 60_000);
	return min < 60 ? `${min} 分钟` : `${Math.ceil(min / 60)} 小时`;
}

/**
 * Lets one message from a client (about a merchant, or a forged code when `merchantId` is null)
 * through the limits, or throws a `DomainError` with a Chinese message. Checking and counting are
 * one immediate transaction, so concurrent submissions, on one worker or several, cannot all pass.
 * Called before the photo is stored, so a refused sender costs no disk.
 */
export function admit(clientKey: string, merchantId: number | null, now = new Date()) {
	const t = now.getTime();
	const refused = db.transaction(
		() => {
			const wait = clientLimiter.waitMs(clientKey, t);
			if (wait > 0)
				return `您提交得太频繁了，请 ${waitWords(wait)}后再试。紧急情况请拨打 12315 市场监管投诉举报热线。`;
			if (merchantId != null && merchantLimiter.waitMs(String(merchantId), t) > 0)
				return '这家商户近一小时收到的反馈已经很多，工作人员正在处理，请稍后再试。紧急情况请拨打 12315。';
			clientLimiter.hit(clientKey, t);
			if (merchantId != null) merchantLimiter.hit(String(merchantId), t);
			return null;
		},
		{ behavior: 'immediate' }
	);
	if (refused) throw new DomainError('_', refused);
}

/** Takes back what `admit` counted for a post that was then not taken (unreadable, invalid). */
export function release(clientKey: string, merchantId: number | null) {
	db.transaction(
		() => {
			clientLimiter.forgive(clientKey);
			if (merchantId != null) merchantLimiter.forgive(String(merchantId));
		},
		{ behavior: 'immediate' }
	);
}

export type SubmitInput = {
	source: Exclude<FeedbackSource, 'forged'>;
	merchantId: number;
	badgeId?: number | null;
	category: FeedbackCategory;
	body: string;
	phone: string;
	/** Stored by the caller after `admit` let the sender through. */
	photoKey?: string | null;
	/** The honeypot field: people leave it empty. */
	trap?: string;
};

/**
 * Records a consumer's feedback within the limits. A filled honeypot is accepted silently and not
 * stored.
 */
export function submit(clientKey: string, input: SubmitInput, now = new Date()) {
	if (input.trap) return null;
	admit(clientKey, input.merchantId, now);
	return record(input, now);
}

/** Stores feedback already let through by `admit` (the form action stores the photo between). */
export function record(input: SubmitInput, now = new Date()) {
	const m = db
		.select({ id: merchant.id, townId: merchant.townId })
		.from(merchant)
		.where(eq(merchant.id, input.merchantId))
		.get();
	if (!m) throw new DomainError('_', '商户不存在');
	return insert(
		'feedback.submit',
		{
			merchantId: m.id,
			townId: m.townId,
			badgeId: input.badgeId ?? null,
			source: input.source,
			category: input.category,
			body: input.body,
			phone: input.phone,
			photoKey: input.photoKey ?? null
		},
		now
	);
}

/** Writes a message from the public with its audit entry (the phone masked there). */
function insert(
	action: string,
	values: Omit<typeof feedback.$inferInsert, 'createdAt'>,
	now: Date
) {
	return db.transaction((tx) => {
		const row = tx
			.insert(feedback)
			.values({ ...values, createdAt: now })
			.returning()
			.get();
		const receipt = receipts.issue(tx, row.id, now);
		audit.record(
			tx,
			{ id: null, username: 'public', displayName: '公众', role: 'system' },
			{
				action,
				entityType: 'feedback',
				entityId: row.id,
				townId: row.townId,
				after: { ...row, phone: maskPhone(row.phone), receiptNo: receipt.receiptNo }
			},
			now
		);
		return { ...row, receipt };
	});
}

/** A report of a code that does not verify; it names no merchant, so district admins see it. */
export type ForgedInput = {
	code: string;
	place: string;
	body: string;
	phone: string;
	photoKey?: string | null;
	trap?: string;
};

export function reportForged(clientKey: string, input: ForgedInput, now = new Date()) {
	if (input.trap) return null;
	admit(clientKey, null, now);
	return recordForged(input, now);
}

/** Stores a report already let through by `admit`. */
export function recordForged(input: ForgedInput, now = new Date()) {
	return insert(
		'feedback.forged',
		{
			source: 'forged',
			category: 'other',
			body: input.body,
			place: input.place,
			scannedCode: input.code.slice(0, 64),
			phone: input.phone,
			photoKey: input.photoKey ?? null
		},
		now
	);
}

/**
 * Whose feedback: a user (their towns'), town ids, or null for all — district admins also see the
 * forged-code reports, which have no town.
 */
export type Scope = Parameters<typeof townIn>[1];

export type QueueFilter = {
	status?: FeedbackStatus | 'all';
	townId?: number;
	merchantId?: number;
	overdue?: boolean;
	page?: number;
	pageSize?: number;
};

/**
 * Pending feedback received before this instant is overdue: `deadlineDays()` working days back
 * from now, counting Shanghai weekdays.
 */
export function overdueBefore(now = new Date(), days = deadlineDays()): Date {
	let t = now.getTime();
	for (let left = days; left > 0;) {
		t -= 86_400_000;
		const weekday = new Date(t + 8 * 3_600_000).getUTCDay();
		if (weekday !== 0 && weekday !== 6) left -= 1;
	}
	return new Date(t);
}

function queueWhere(scope: Scope, filter: QueueFilter, now: Date) {
	const conds: SQL[] = [];
	const s = townIn(feedback.townId, scope);
	if (s) conds.push(s);
	const status = filter.status ?? 'pending';
	if (status !== 'all') conds.push(eq(feedback.status, status));
	if (filter.townId) conds.push(eq(feedback.townId, filter.townId));
	if (filter.merchantId) conds.push(eq(feedback.merchantId, filter.merchantId));
	if (filter.overdue)
		conds.push(eq(feedback.status, 'pending'), lt(feedback.createdAt, overdueBefore(now)));
	return conds.length ? and(...conds) : undefined;
}

/** The queue's rows with what only the export shows (the phone, still to be masked). */
function queueRows(where: SQL | undefined, page: { limit: number; offset: number }) {
	return db
		.select({
			id: feedback.id,
			source: feedback.source,
			category: feedback.category,
			body: feedback.body,
			place: feedback.place,
			status: feedback.status,
			createdAt: feedback.createdAt,
			decidedAt: feedback.decidedAt,
			hasReply: sql<number>`${feedback.reply} <> ''`,
			hasPhoto: sql<number>`${feedback.photoKey} is not null`,
			merchantId: merchant.id,
			merchantName: merchant.name,
			streetName: street.name,
			townName: town.name,
			phone: feedback.phone,
			points: feedback.points,
			officerNote: feedback.officerNote,
			reply: feedback.reply
		})
		.from(feedback)
		.leftJoin(merchant, eq(merchant.id, feedback.merchantId))
		.leftJoin(street, eq(street.id, merchant.streetId))
		.leftJoin(town, eq(town.id, feedback.townId))
		.where(where)
		.orderBy(
			sql`case when ${feedback.status} = 'pending' then 0 else 1 end`,
			sql`case when ${feedback.status} = 'pending' then ${feedback.createdAt} else -${feedback.createdAt} end`,
			asc(feedback.id)
		)
		.limit(page.limit)
		.offset(page.offset)
		.all();
}

const overdueDaysOf = (status: FeedbackStatus, createdAt: Date, cutoff: number) =>
	status === 'pending' && createdAt.getTime() < cutoff
		? Math.floor((cutoff - createdAt.getTime()) / 86_400_000)
		: null;

/** The officers' queue: pending first, oldest first; others newest first. */
export function queue(scope: Scope, filter: QueueFilter = {}, now = new Date()) {
	const where = queueWhere(scope, filter, now);
	const pageSize = filter.pageSize ?? 50;
	const page = Math.max(1, filter.page ?? 1);
	const items = queueRows(where, { limit: pageSize, offset: (page - 1) * pageSize });
	const total = db.select({ n: count() }).from(feedback).where(where).get()?.n ?? 0;
	const cutoff = overdueBefore(now).getTime();
	return {
		// eslint-disable-next-line @typescript-eslint/no-unused-vars
		items: items.map(({ phone, points, officerNote, reply, ...i }) => ({
			...i,
			overdueDays: overdueDaysOf(i.status, i.createdAt, cutoff)
		})),
		page,
		pageSize,
		total
	};
}

/** A mobile number written into a complaint's text, masked like the phone field. */
const PHONE_IN_TEXT = /1[3-9]\d{9}/g;

/**
 * Every item of the queue's filter, for the export: with the points deducted, the officer's note
 * and the merchant's reply, and the phone masked — also any mobile number written in the text.
 */
export function exportRows(
	scope: Scope,
	filter: Omit<QueueFilter, 'page' | 'pageSize'> = {},
	now = new Date()
) {
	const cutoff = overdueBefore(now).getTime();
	return queueRows(queueWhere(scope, filter, now), { limit: 100_000, offset: 0 }).map(
		({ phone, ...i }) => ({
			...i,
			body: i.body.replace(PHONE_IN_TEXT, (p) => maskPhone(p)),
			officerNote: i.officerNote.replace(PHONE_IN_TEXT, (p) => maskPhone(p)),
			reply: i.reply.replace(PHONE_IN_TEXT, (p) => maskPhone(p)),
			phoneMasked: maskPhone(phone),
			overdueDays: overdueDaysOf(i.status, i.createdAt, cutoff)
		})
	);
}

/** Counts per status, and pending overdue, in scope. */
export function counts(scope: Scope, now = new Date()) {
	const s = townIn(feedback.townId, scope);
	const rows = db
		.select({ status: feedback.status, n: count() })
		.from(feedback)
		.where(s)
		.groupBy(feedback.status)
		.all();
	const out: Record<FeedbackStatus, number> & { overdue: number } = {
		pending: 0,
		verified: 0,
		unfounded: 0,
		mediated: 0,
		overdue: 0
	};
	for (const r of rows) out[r.status] = r.n;
	out.overdue =
		db
			.select({ n: count() })
			.from(feedback)
			.where(
				and(
					...(s ? [s] : []),
					eq(feedback.status, 'pending'),
					lt(feedback.createdAt, overdueBefore(now))
				)
			)
			.get()?.n ?? 0;
	return out;
}

export function byId(id: number): Feedback | undefined {
	return db.select().from(feedback).where(eq(feedback.id, id)).get();
}

/** The town answering for feedback now: its merchant's current town (none for a forged code). */
const currentTown = sql<number | null>`coalesce(${merchant.townId}, ${feedback.townId})`;

/**
 * One item with its merchant, for the officer's page. The phone stays masked. `townId` is the
 * merchant's current town, which access is checked against — not the copy stored on the row.
 */
export function detail(id: number) {
	const row = db
		.select({
			f: feedback,
			townId: currentTown,
			merchantName: merchant.name,
			address: merchant.address,
			streetName: street.name,
			townName: town.name,
			score: merchant.score,
			level: merchant.level
		})
		.from(feedback)
		.leftJoin(merchant, eq(merchant.id, feedback.merchantId))
		.leftJoin(street, eq(street.id, merchant.streetId))
		.leftJoin(town, eq(town.id, currentTown))
		.where(eq(feedback.id, id))
		.get();
	if (!row) return undefined;
	const { phone, ...f } = row.f;
	return { ...row, f: { ...f, phoneMasked: maskPhone(phone) } };
}

/** Why an officer cannot change a 属实 decision, and the way that can. */
export const VERIFIED_IS_FINAL =
	'这条反馈已认定为“属实”并已扣分，不能再改。如认定有误，请由商户在商户端对这条记录提出申诉，由区级管理员（非原认定人）裁定；申诉成立后分数自动恢复。';

/**
 * An officer's decision on pending feedback. 属实 applies the category's deduction through
 * dynamic supervision, in the same transaction, so the badge may be downgraded at once.
 */
export function decide(
	actor: Actor,
	id: number,
	input: { status: Exclude<FeedbackStatus, 'pending'>; note: string; answer?: string },
	now = new Date()
) {
	return db.transaction((tx) => {
		const before = tx.select().from(feedback).where(eq(feedback.id, id)).get();
		if (!before) throw new DomainError('_', '反馈不存在');
		// A 属实 finding took points: only an appeal, ruled by a district admin, can reverse it.
		if (before.status === 'verified') throw new DomainError('_', VERIFIED_IS_FINAL);
		if (before.status !== 'pending')
			throw new DomainError('_', `这条反馈已认定为“${STATUS_LABEL[before.status]}”，不能再改`);
		let archiveEntryId: number | null = null;
		let points: number | null = null;
		let badgeChange: string | null = null;
		if (input.status === 'verified') {
			if (!before.merchantId)
				throw new DomainError(
					'_',
					'举报假冒二维码没有对应商户，不能认定属实扣分，请选择“已调解”并写明处理情况'
				);
			points = deductions()[before.category];
			const label = CATEGORY_LABEL[before.category];
			const result = supervision.record(
				actor,
				before.merchantId,
				{
					kind: 'complaint',
					points: -points,
					title: `消费者投诉属实（${label}）`,
					publicNote: `消费者反馈“${label}”问题，经核实属实`,
					note: input.note,
					complainant: before.phone ? `消费者 ${maskPhone(before.phone)}` : '消费者（未留电话）',
					sourceType: 'feedback',
					sourceId: before.id,
					occurredAt: now
				},
				tx
			);
			archiveEntryId = result.entry.id;
			badgeChange = result.badgeChange?.reason ?? null;
		}
		const after = tx
			.update(feedback)
			.set({
				status: input.status,
				officerNote: input.note,
				decidedAt: now,
				decidedBy: actor.id,
				archiveEntryId,
				points
			})
			.where(eq(feedback.id, id))
			.returning()
			.get();
		if (input.answer?.trim()) receipts.setAnswer(tx, id, input.answer.trim());
		audit.record(
			tx,
			actor,
			{
				action: `feedback.${input.status}`,
				entityType: 'feedback',
				entityId: id,
				townId: before.townId,
				before: { status: before.status },
				after: { status: after.status, officerNote: after.officerNote, points, archiveEntryId }
			},
			now
		);
		return { feedback: after, badgeChange };
	});
}

/**
 * The complainant's full phone number, for an officer who must call back; every reveal is
 * audited. Lists and pages show it masked.
 */
export function revealPhone(actor: Actor, id: number, now = new Date()): string {
	return db.transaction((tx) => {
		const row = tx.select().from(feedback).where(eq(feedback.id, id)).get();
		if (!row) throw new DomainError('_', '反馈不存在');
		audit.record(
			tx,
			actor,
			{
				action: 'feedback.reveal_phone',
				entityType: 'feedback',
				entityId: id,
				townId: row.townId
			},
			now
		);
		return row.phone;
	});
}

/** 商户回应: the merchant's own words, entered by an officer; a second entry replaces the first. */
export function reply(actor: Actor, id: number, text: string, now = new Date()) {
	return db.transaction((tx) => {
		const before = tx.select().from(feedback).where(eq(feedback.id, id)).get();
		if (!before) throw new DomainError('_', '反馈不存在');
		if (!before.merchantId)
			throw new DomainError('_', '举报假冒二维码没有对应商户，不能录入商户回应');
		const after = tx
			.update(feedback)
			.set({ reply: text, replyAt: now, replyBy: actor.id })
			.where(eq(feedback.id, id))
			.returning()
			.get();
		audit.record(
			tx,
			actor,
			{
				action: 'feedback.reply',
				entityType: 'feedback',
				entityId: id,
				townId: before.townId,
				before: { reply: before.reply },
				after: { reply: after.reply }
			},
			now
		);
		return after;
	});
}

/**
 * Feedback shown publicly with the merchant's reply: category, date, the officers' finding and
 * the reply. The consumer's own text, photo and phone are never public.
 */
export function publicReplies(merchantId: number, limit = 5) {
	return repliesQuery().all({ m: merchantId, limit });
}

function prepareReplies(target: DB) {
	return target
		.select({
			id: feedback.id,
			category: feedback.category,
			status: feedback.status,
			createdAt: feedback.createdAt,
			reply: feedback.reply,
			replyAt: feedback.replyAt
		})
		.from(feedback)
		.where(and(eq(feedback.merchantId, sql.placeholder('m')), ne(feedback.reply, '')))
		.orderBy(desc(feedback.replyAt))
		.limit(sql.placeholder('limit'))
		.prepare();
}

/** Read on every scan: prepared once per database connection. */
const repliesQuery = preparedOnce(prepareReplies);
