/**
 * 商户回应 in the merchant's own words: written by its account to a feedback item or an entry of
 * its archive, public only once an officer of its town approved it; a refusal carries a reason the
 * merchant sees. An approved reply to feedback becomes that feedback's public reply; one to an
 * archive entry becomes a public archive entry of its own.
 */
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { db } from '../db';
import { archiveEntry, feedback, merchant, merchantReply, type MerchantReply } from '../db/schema';
import * as audit from '../audit';
import { inScope, townIn } from '../access';
import { DomainError } from '../forms';
import type { Actor } from '../actor';
import type { SessionUser } from '../auth/session';
import { assertSpeaksFor } from './scope';
import { archiveStep } from './steps';
import { CATEGORY_LABEL } from '../../feedback';
import type { ReplyTarget } from '../../portal';

export const BODY_MAX = 1000;

function targetMerchant(targetType: ReplyTarget, targetId: number): number | null {
	if (targetType === 'feedback')
		return (
			db.select({ m: feedback.merchantId }).from(feedback).where(eq(feedback.id, targetId)).get()
				?.m ?? null
		);
	return (
		db
			.select({ m: archiveEntry.merchantId })
			.from(archiveEntry)
			.where(and(eq(archiveEntry.id, targetId), eq(archiveEntry.public, true)))
			.get()?.m ?? null
	);
}

/** The merchant writes (or rewrites, while still waiting) its reply to one item. */
export function submit(
	actor: Actor,
	input: { merchantId: number; targetType: ReplyTarget; targetId: number; body: string },
	now = new Date()
): MerchantReply {
	assertSpeaksFor(actor, input.merchantId);
	const body = input.body.trim();
	if (body.length < 2) throw new DomainError('body', '请填写回应内容，至少 2 个字');
	if (body.length > BODY_MAX) throw new DomainError('body', `回应不能超过 ${BODY_MAX} 个字`);
	if (targetMerchant(input.targetType, input.targetId) !== input.merchantId)
		throw new DomainError('_', '要回应的记录不存在');
	return db.transaction((tx) => {
		const m = tx.select().from(merchant).where(eq(merchant.id, input.merchantId)).get()!;
		const waiting = tx
			.select()
			.from(merchantReply)
			.where(
				and(
					eq(merchantReply.targetType, input.targetType),
					eq(merchantReply.targetId, input.targetId),
					eq(merchantReply.status, 'pending')
				)
			)
			.get();
		const row = waiting
			? tx
					.update(merchantReply)
					.set({ body, createdAt: now, createdBy: actor.id })
					.where(eq(merchantReply.id, waiting.id))
					.returning()
					.get()
			: tx
					.insert(merchantReply)
					.values({
						merchantId: m.id,
						townId: m.townId,
						targetType: input.targetType,
						targetId: input.targetId,
						body,
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
				kind: 'reply',
				title: '商户提交回应，待街镇审核',
				internalNote: body,
				public: false,
				sourceType: 'merchant_reply',
				sourceId: row.id
			},
			now
		);
		audit.record(
			tx,
			actor,
			{
				action: 'reply.submit',
				entityType: 'merchant_reply',
				entityId: row.id,
				townId: m.townId,
				before: waiting ? { body: waiting.body } : null,
				after: row
			},
			now
		);
		return row;
	});
}

/** An officer of the merchant's town approves the reply, or refuses it with a reason. */
export function moderate(
	actor: SessionUser,
	id: number,
	input: { approve: boolean; reason: string },
	now = new Date()
) {
	if (actor.role !== 'district_admin' && actor.role !== 'town_officer')
		throw new DomainError('_', '只有街镇工作人员和区级管理员可以审核商户回应');
	const reason = input.reason.trim();
	if (!input.approve && reason.length < 2)
		throw new DomainError('reason', '不通过时请写明原因，商户会看到');
	return db.transaction((tx) => {
		const r = tx.select().from(merchantReply).where(eq(merchantReply.id, id)).get();
		if (!r || !inScope(actor, r.townId)) throw new DomainError('_', '商户回应不存在');
		if (r.status !== 'pending') throw new DomainError('_', '这条回应已审核过');
		const m = tx.select().from(merchant).where(eq(merchant.id, r.merchantId)).get()!;
		const status = input.approve ? 'approved' : 'refused';
		const after = tx
			.update(merchantReply)
			.set({ status, refusal: input.approve ? '' : reason, decidedBy: actor.id, decidedAt: now })
			.where(eq(merchantReply.id, id))
			.returning()
			.get();
		if (input.approve && r.targetType === 'feedback') {
			tx.update(feedback)
				.set({ reply: r.body, replyAt: now, replyBy: r.createdBy })
				.where(eq(feedback.id, r.targetId))
				.run();
			const f = tx.select().from(feedback).where(eq(feedback.id, r.targetId)).get()!;
			archiveStep(
				tx,
				actor,
				m,
				{
					kind: 'reply',
					title: `商户回应消费者反馈（${CATEGORY_LABEL[f.category]}）`,
					publicNote: r.body,
					public: true,
					sourceType: 'merchant_reply',
					sourceId: r.id
				},
				now
			);
		} else if (input.approve) {
			const entry = tx.select().from(archiveEntry).where(eq(archiveEntry.id, r.targetId)).get()!;
			archiveStep(
				tx,
				actor,
				m,
				{
					kind: 'reply',
					title: `商户回应：${entry.title}`,
					publicNote: r.body,
					public: true,
					sourceType: 'merchant_reply',
					sourceId: r.id
				},
				now
			);
		} else {
			archiveStep(
				tx,
				actor,
				m,
				{
					kind: 'reply',
					title: '商户回应未通过审核',
					internalNote: reason,
					public: false,
					sourceType: 'merchant_reply',
					sourceId: r.id
				},
				now
			);
		}
		audit.record(
			tx,
			actor,
			{
				action: input.approve ? 'reply.approve' : 'reply.refuse',
				entityType: 'merchant_reply',
				entityId: id,
				townId: r.townId,
				before: { status: r.status },
				after: { status, refusal: after.refusal }
			},
			now
		);
		return after;
	});
}

function waitingWhere(scope: SessionUser | number[] | null): SQL | undefined {
	return and(eq(merchantReply.status, 'pending'), townIn(merchantReply.townId, scope));
}

/** Replies waiting for moderation in scope, oldest first. */
export function waiting(scope: SessionUser | number[] | null, limit = 100) {
	return db
		.select({
			id: merchantReply.id,
			targetType: merchantReply.targetType,
			targetId: merchantReply.targetId,
			body: merchantReply.body,
			createdAt: merchantReply.createdAt,
			merchantId: merchant.id,
			merchantName: merchant.name
		})
		.from(merchantReply)
		.innerJoin(merchant, eq(merchant.id, merchantReply.merchantId))
		.where(waitingWhere(scope))
		.orderBy(asc(merchantReply.createdAt))
		.limit(limit)
		.all();
}

export function waitingCount(scope: SessionUser | number[] | null): number {
	return db.select({ n: count() }).from(merchantReply).where(waitingWhere(scope)).get()?.n ?? 0;
}

/** The merchant's own replies, newest first, with their moderation state. */
export function ofMerchant(merchantId: number) {
	return db
		.select()
		.from(merchantReply)
		.where(eq(merchantReply.merchantId, merchantId))
		.orderBy(desc(merchantReply.createdAt), desc(merchantReply.id))
		.all();
}
