/**
 * 申诉: within APPEAL_WINDOW_DAYS of a 属实 finding or a deduction (an archive entry that took
 * points) the merchant appeals with a statement and evidence. A district admin who did not decide
 * the finding rules; an upheld appeal gives the points back through dynamic supervision (the badge
 * follows), and the public archive shows the finding reversed.
 */
import { and, asc, count, desc, eq, gte, lt } from 'drizzle-orm';
import { db } from '../db';
import { appeal, archiveEntry, merchant, street, town, type ArchiveEntry } from '../db/schema';
import * as audit from '../audit';
import * as supervision from '../streets/supervision';
import { DomainError } from '../forms';
import type { Actor } from '../actor';
import type { SessionUser } from '../auth/session';
import { assertSpeaksFor } from './scope';
import { archiveStep } from './steps';
import { formatDate } from '../../format';
import { APPEAL_WINDOW_DAYS } from '../../portal';

const DAY = 86_400_000;

/** The entries a merchant may still appeal: deductions within the window, not yet appealed. */
export function appealable(merchantId: number, now = new Date()): ArchiveEntry[] {
	const since = new Date(now.getTime() - APPEAL_WINDOW_DAYS * DAY);
	const taken = new Set(
		db
			.select({ id: appeal.archiveEntryId })
			.from(appeal)
			.where(eq(appeal.merchantId, merchantId))
			.all()
			.map((r) => r.id)
	);
	return db
		.select()
		.from(archiveEntry)
		.where(
			and(
				eq(archiveEntry.merchantId, merchantId),
				lt(archiveEntry.points, 0),
				gte(archiveEntry.occurredAt, since)
			)
		)
		.orderBy(desc(archiveEntry.occurredAt))
		.all()
		.filter((e) => !taken.has(e.id));
}

export function file(
	actor: Actor,
	input: { merchantId: number; archiveEntryId: number; statement: string; evidenceKeys: string[] },
	now = new Date()
) {
	assertSpeaksFor(actor, input.merchantId, 'appeal');
	const statement = input.statement.trim();
	if (statement.length < 10) throw new DomainError('statement', '请写明申诉理由，至少 10 个字');
	if (statement.length > 2000) throw new DomainError('statement', '申诉理由不能超过 2000 个字');
	if (!appealable(input.merchantId, now).some((e) => e.id === input.archiveEntryId))
		throw new DomainError(
			'archiveEntryId',
			`只能对 ${APPEAL_WINDOW_DAYS} 天内扣分的记录申诉一次，请选择要申诉的记录`
		);
	return db.transaction((tx) => {
		const m = tx.select().from(merchant).where(eq(merchant.id, input.merchantId)).get()!;
		const entry = tx
			.select()
			.from(archiveEntry)
			.where(eq(archiveEntry.id, input.archiveEntryId))
			.get()!;
		const row = tx
			.insert(appeal)
			.values({
				merchantId: m.id,
				townId: m.townId,
				archiveEntryId: entry.id,
				statement,
				evidenceKeys: input.evidenceKeys,
				createdBy: actor.id,
				createdAt: now
			})
			.returning()
			.get();
		archiveStep(
			tx,
			actor,
			m,
			{
				kind: 'appeal',
				title: `商户对“${entry.title}”提出申诉`,
				publicNote: '商户已提出申诉，区级复核中',
				internalNote: statement,
				public: true,
				sourceType: 'appeal',
				sourceId: row.id
			},
			now
		);
		audit.record(
			tx,
			actor,
			{
				action: 'appeal.file',
				entityType: 'appeal',
				entityId: row.id,
				townId: m.townId,
				after: row
			},
			now
		);
		return row;
	});
}

/** A district admin rules; the officer who recorded the finding may not rule on it. */
export function decide(
	actor: SessionUser,
	id: number,
	input: { decision: 'upheld' | 'dismissed'; note: string },
	now = new Date()
) {
	if (actor.role !== 'district_admin') throw new DomainError('_', '申诉由区级管理员裁决');
	const note = input.note.trim();
	if (note.length < 2) throw new DomainError('note', '请写明裁决理由，商户会看到');
	return db.transaction((tx) => {
		const a = tx.select().from(appeal).where(eq(appeal.id, id)).get();
		if (!a) throw new DomainError('_', '申诉不存在');
		if (a.status !== 'pending') throw new DomainError('_', '这份申诉已裁决');
		const entry = tx
			.select()
			.from(archiveEntry)
			.where(eq(archiveEntry.id, a.archiveEntryId))
			.get()!;
		if (entry.createdBy === actor.id)
			throw new DomainError('_', '这条记录由您本人认定，须由另一位区级管理员裁决');
		const m = tx.select().from(merchant).where(eq(merchant.id, a.merchantId)).get()!;
		let reversalEntryId: number | null = null;
		if (input.decision === 'upheld') {
			const back = -entry.points;
			const done = supervision.record(
				actor,
				m.id,
				{
					kind: 'reversal',
					points: back,
					title: `申诉成立，撤销“${entry.title}”`,
					publicNote: `经区级复核，${formatDate(entry.occurredAt)}“${entry.title}”的认定已撤销，恢复 ${back} 分`,
					note,
					sourceType: 'archive',
					sourceId: entry.id,
					occurredAt: now
				},
				tx
			);
			reversalEntryId = done.entry.id;
		} else {
			archiveStep(
				tx,
				actor,
				m,
				{
					kind: 'appeal',
					title: `申诉驳回：“${entry.title}”认定维持`,
					publicNote: '经区级复核，申诉不成立，原认定维持',
					internalNote: note,
					public: true,
					sourceType: 'appeal',
					sourceId: a.id
				},
				now
			);
		}
		const after = tx
			.update(appeal)
			.set({
				status: input.decision,
				decision: note,
				decidedBy: actor.id,
				decidedAt: now,
				reversalEntryId
			})
			.where(eq(appeal.id, id))
			.returning()
			.get();
		audit.record(
			tx,
			actor,
			{
				action: `appeal.${input.decision}`,
				entityType: 'appeal',
				entityId: id,
				townId: a.townId,
				before: { status: a.status },
				after: { status: after.status, decision: note, reversalEntryId }
			},
			now
		);
		return after;
	});
}

/** Appeals waiting for a ruling (district-wide), oldest first. */
export function waiting(limit = 100) {
	return db
		.select({
			id: appeal.id,
			statement: appeal.statement,
			createdAt: appeal.createdAt,
			entryTitle: archiveEntry.title,
			entryPoints: archiveEntry.points,
			entryBy: archiveEntry.createdBy,
			merchantId: merchant.id,
			merchantName: merchant.name,
			streetName: street.name,
			townName: town.name
		})
		.from(appeal)
		.innerJoin(archiveEntry, eq(archiveEntry.id, appeal.archiveEntryId))
		.innerJoin(merchant, eq(merchant.id, appeal.merchantId))
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.where(eq(appeal.status, 'pending'))
		.orderBy(asc(appeal.createdAt))
		.limit(limit)
		.all();
}

export function waitingCount(): number {
	return db.select({ n: count() }).from(appeal).where(eq(appeal.status, 'pending')).get()?.n ?? 0;
}

export function byId(id: number) {
	const a = db.select().from(appeal).where(eq(appeal.id, id)).get();
	if (!a) return undefined;
	const entry = db.select().from(archiveEntry).where(eq(archiveEntry.id, a.archiveEntryId)).get()!;
	const m = db
		.select({ id: merchant.id, name: merchant.name, score: merchant.score, level: merchant.level })
		.from(merchant)
		.where(eq(merchant.id, a.merchantId))
		.get()!;
	return { appeal: a, entry, merchant: m };
}

export function ofMerchant(merchantId: number) {
	return db
		.select({
			id: appeal.id,
			status: appeal.status,
			statement: appeal.statement,
			decision: appeal.decision,
			createdAt: appeal.createdAt,
			decidedAt: appeal.decidedAt,
			entryTitle: archiveEntry.title
		})
		.from(appeal)
		.innerJoin(archiveEntry, eq(archiveEntry.id, appeal.archiveEntryId))
		.where(eq(appeal.merchantId, merchantId))
		.orderBy(desc(appeal.createdAt))
		.all();
}

/** Archive entries an upheld appeal reversed, for marking them in a timeline. */
export function reversedIds(merchantId: number): number[] {
	return db
		.select({ id: appeal.archiveEntryId })
		.from(appeal)
		.where(and(eq(appeal.merchantId, merchantId), eq(appeal.status, 'upheld')))
		.all()
		.map((r) => r.id);
}
