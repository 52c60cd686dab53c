/**
 * 整改复查申请: after a rectification the merchant asks to be inspected again. An open request sits
 * in the inspectors' and officers' due list until one of them closes it (the re-inspection
 * itself is an ordinary inspection).
 */
import { and, asc, count, eq } from 'drizzle-orm';
import { db, type Tx } from '../db';
import {
	merchant,
	reinspectionRequest,
	street,
	town,
	type Inspection,
	type ReinspectionRequest
} from '../db/schema';
import * as audit from '../audit';
import { inScope, townIn } from '../access';
import { DomainError } from '../forms';
import type { Actor } from '../actor';
import type { SessionUser } from '../auth/session';
import { assertSpeaksFor } from './scope';
import { archiveStep } from './steps';

export function request(actor: Actor, merchantId: number, note: string, now = new Date()) {
	assertSpeaksFor(actor, merchantId, 'reinspect');
	const text = note.trim();
	if (text.length < 5) throw new DomainError('note', '请说明整改了什么，至少 5 个字');
	if (text.length > 1000) throw new DomainError('note', '说明不能超过 1000 个字');
	return db.transaction((tx) => {
		const open = tx
			.select({ id: reinspectionRequest.id })
			.from(reinspectionRequest)
			.where(
				and(eq(reinspectionRequest.merchantId, merchantId), eq(reinspectionRequest.status, 'open'))
			)
			.get();
		if (open) throw new DomainError('_', '已有一份复查申请在等待处理，请勿重复提交');
		const m = tx.select().from(merchant).where(eq(merchant.id, merchantId)).get()!;
		const row = tx
			.insert(reinspectionRequest)
			.values({ merchantId, townId: m.townId, note: text, createdBy: actor.id, createdAt: now })
			.returning()
			.get();
		step(tx, actor, m, row.id, '商户提交整改复查申请', text, now);
		audit.record(
			tx,
			actor,
			{
				action: 'reinspection.request',
				entityType: 'reinspection_request',
				entityId: row.id,
				townId: m.townId,
				after: row
			},
			now
		);
		return row;
	});
}

/** Staff of the town close a request once the re-inspection is arranged or done. */
export function close(actor: SessionUser, id: number, note: string, now = new Date()) {
	if (actor.role === 'merchant') throw new DomainError('_', '商户不能处理复查申请');
	return db.transaction((tx) => {
		const r = tx.select().from(reinspectionRequest).where(eq(reinspectionRequest.id, id)).get();
		if (!r || !inScope(actor, r.townId)) throw new DomainError('_', '复查申请不存在');
		if (r.status !== 'open') throw new DomainError('_', '这份申请已处理');
		return closeOne(tx, actor, r, { closeNote: note.trim(), inspectionId: null }, now);
	});
}

/**
 * A submitted inspection of the merchant answers its open request: the request closes as handled,
 * linked to the inspection, and leaves the due list. Runs in the inspection's transaction.
 */
export function closeByInspection(
	tx: Tx,
	actor: Actor,
	ins: Pick<Inspection, 'id' | 'merchantId' | 'inspectedOn' | 'total'>,
	now = new Date()
) {
	if (!ins.merchantId) return [];
	const open = tx
		.select()
		.from(reinspectionRequest)
		.where(
			and(
				eq(reinspectionRequest.merchantId, ins.merchantId),
				eq(reinspectionRequest.status, 'open')
			)
		)
		.all();
	const closeNote = `已于 ${ins.inspectedOn} 复查（检查评审 ${ins.total ?? '—'} 分）`;
	return open.map((r) => closeOne(tx, actor, r, { closeNote, inspectionId: ins.id }, now));
}

/** Closes one open request as handled, with its archive step and audit entry. */
function closeOne(
	tx: Tx,
	actor: Actor,
	r: ReinspectionRequest,
	how: { closeNote: string; inspectionId: number | null },
	now: Date
) {
	const m = tx.select().from(merchant).where(eq(merchant.id, r.merchantId)).get()!;
	const after = tx
		.update(reinspectionRequest)
		.set({ status: 'done', closedBy: actor.id, closedAt: now, ...how })
		.where(eq(reinspectionRequest.id, r.id))
		.returning()
		.get();
	step(
		tx,
		actor,
		m,
		r.id,
		how.inspectionId ? '整改复查申请已处理：已复查' : '整改复查申请已处理',
		how.closeNote,
		now
	);
	audit.record(
		tx,
		actor,
		{
			action: 'reinspection.close',
			entityType: 'reinspection_request',
			entityId: r.id,
			townId: r.townId,
			before: { status: r.status },
			after: { status: after.status, ...how }
		},
		now
	);
	return after;
}

/** The request's step in the shop's archive, for staff and the merchant only. */
function step(
	tx: Tx,
	actor: Actor,
	m: { id: number; townId: number },
	id: number,
	title: string,
	note: string,
	now: Date
) {
	archiveStep(
		tx,
		actor,
		m,
		{
			kind: 'reinspection_request',
			title,
			internalNote: note,
			public: false,
			sourceType: 'reinspection_request',
			sourceId: id
		},
		now
	);
}

const openWhere = (scope: SessionUser | number[] | null) =>
	and(eq(reinspectionRequest.status, 'open'), townIn(reinspectionRequest.townId, scope));

/** Open requests in scope, oldest first: the inspectors' due list. */
export function open(scope: SessionUser | number[] | null, limit = 100) {
	return db
		.select({
			id: reinspectionRequest.id,
			note: reinspectionRequest.note,
			createdAt: reinspectionRequest.createdAt,
			merchantId: merchant.id,
			merchantName: merchant.name,
			streetName: street.name,
			townName: town.name
		})
		.from(reinspectionRequest)
		.innerJoin(merchant, eq(merchant.id, reinspectionRequest.merchantId))
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.where(openWhere(scope))
		.orderBy(asc(reinspectionRequest.createdAt))
		.limit(limit)
		.all();
}

export function openCount(scope: SessionUser | number[] | null): number {
	return db.select({ n: count() }).from(reinspectionRequest).where(openWhere(scope)).get()?.n ?? 0;
}

export function ofMerchant(merchantId: number) {
	return db
		.select()
		.from(reinspectionRequest)
		.where(eq(reinspectionRequest.merchantId, merchantId))
		.orderBy(asc(reinspectionRequest.createdAt))
		.all();
}
