/**
 * What a merchant account sees of its own shops: badge and state, running score and every point
 * change with its reason, its inspections item by item with the notes meant for it, instruments
 * and their due dates, feedback about it (never the consumer's phone or identity), scan counts,
 * and where its replies, requests and appeals stand.
 */
import { desc, eq } from 'drizzle-orm';
import { db } from '../db';
import { archiveEntry, feedback } from '../db/schema';
import { merchants, inspections, instruments, standards, supervision } from '../streets';
import * as badges from '../badges';
import { maskPhone } from '../../feedback';
import * as appeals from './appeals';
import * as commitments from './commitments';
import * as reinspections from './reinspections';
import * as replies from './replies';

/** One line per shop for the merchant's home. */
export function shops(merchantIds: number[]) {
	const signed = commitments.currentFor(merchantIds);
	return merchantIds
		.map((id) => merchants.detail(id))
		.filter((d) => !!d)
		.map((d) => ({
			id: d.merchant.id,
			name: d.merchant.name,
			streetName: d.street.name,
			townName: d.townName,
			level: d.merchant.level,
			score: d.merchant.score,
			badge: d.badge && {
				serial: d.badge.serial,
				level: d.badge.level,
				state: d.badge.state,
				validUntil: d.badge.validUntil
			},
			signed: signed.get(d.merchant.id) ?? null,
			instruments: instruments.summary(d.merchant.id),
			pendingFeedback: feedbackAbout(d.merchant.id).filter((f) => f.status === 'pending').length,
			appealable: appeals.appealable(d.merchant.id).length,
			scans30: badges.scanCounts(d.merchant.id, 30).reduce((n, s) => n + s.scans, 0)
		}));
}

/** Feedback about the shop as the merchant may see it: what happened, not who said it. */
export function feedbackAbout(merchantId: number) {
	return db
		.select({
			id: feedback.id,
			category: feedback.category,
			body: feedback.body,
			status: feedback.status,
			createdAt: feedback.createdAt,
			decidedAt: feedback.decidedAt,
			points: feedback.points,
			reply: feedback.reply
		})
		.from(feedback)
		.where(eq(feedback.merchantId, merchantId))
		.orderBy(desc(feedback.createdAt))
		.limit(200)
		.all()
		.map((f) => ({
			...f,
			// The merchant must not identify or call the consumer: numbers written into the text
			// are masked too.
			body: f.body.replace(/1[3-9]\d{9}/g, (p) => maskPhone(p))
		}));
}

/** The shop's archive as the merchant sees it: every entry, without complainants or staff notes. */
function archiveOf(merchantId: number) {
	const rows = db
		.select({
			id: archiveEntry.id,
			kind: archiveEntry.kind,
			occurredAt: archiveEntry.occurredAt,
			points: archiveEntry.points,
			scoreAfter: archiveEntry.scoreAfter,
			title: archiveEntry.title,
			publicNote: archiveEntry.publicNote,
			public: archiveEntry.public,
			inspectionId: archiveEntry.inspectionId
		})
		.from(archiveEntry)
		.where(eq(archiveEntry.merchantId, merchantId))
		.orderBy(desc(archiveEntry.occurredAt), desc(archiveEntry.id))
		.limit(300)
		.all();
	const corrected = supervision.correctionsOf(rows);
	return rows.map((r) => ({ ...r, corrected: corrected.get(r.id) ?? null }));
}

/** Submitted inspections with each item's points and the inspector's note on it. */
function inspectionsOf(merchantId: number) {
	return inspections.list(null, { merchantId, status: 'submitted', limit: 20 }).map((i) => {
		const d = inspections.detail(i.id)!;
		const std = standards.byId(d.inspection.standardId)!;
		const byItem = new Map(d.scores.map((s) => [s.itemId, s]));
		return {
			id: i.id,
			inspectedOn: i.inspectedOn,
			total: i.total,
			result: i.result,
			vetoHits: i.vetoHits,
			standardVersion: i.standardVersion,
			amendReason: i.supersedesId ? i.amendReason : '',
			items: std.items.map((it) => ({
				code: it.code,
				text: it.text,
				maxPoints: it.maxPoints,
				veto: it.veto,
				points: byItem.get(it.id)?.points ?? 0,
				vetoHit: byItem.get(it.id)?.vetoHit ?? false,
				note: byItem.get(it.id)?.note ?? ''
			}))
		};
	});
}

/** Everything about one of the account's own shops (the caller checked it is theirs). */
export function shop(merchantId: number) {
	const d = merchants.detail(merchantId);
	if (!d) return undefined;
	const reversed = new Set(appeals.reversedIds(merchantId));
	return {
		merchant: {
			id: d.merchant.id,
			name: d.merchant.name,
			address: d.merchant.address,
			level: d.merchant.level,
			score: d.merchant.score,
			lastInspectedOn: d.merchant.lastInspectedOn
		},
		street: { name: d.street.name, convention: d.street.convention },
		townName: d.townName,
		badge: d.badge && {
			serial: d.badge.serial,
			level: d.badge.level,
			state: d.badge.state,
			validUntil: d.badge.validUntil,
			stateReason: d.badge.stateReason
		},
		archive: archiveOf(merchantId).map((e) => ({ ...e, reversed: reversed.has(e.id) })),
		inspections: inspectionsOf(merchantId),
		instruments: instruments.forMerchant(merchantId).map((i) => ({
			id: i.id,
			type: i.type,
			serial: i.serial,
			lastVerifiedOn: i.lastVerifiedOn,
			nextDueOn: i.nextDueOn,
			status: i.status
		})),
		feedback: feedbackAbout(merchantId),
		scans: badges.scanTotals(merchantId),
		scans30: badges.scanCounts(merchantId, 30).reduce((n, s) => n + s.scans, 0),
		replies: replies.ofMerchant(merchantId),
		reinspections: reinspections.ofMerchant(merchantId),
		appeals: appeals.ofMerchant(merchantId),
		appealable: appeals.appealable(merchantId).map((e) => ({
			id: e.id,
			title: e.title,
			points: e.points,
			occurredAt: e.occurredAt
		})),
		signed: commitments.current(merchantId),
		commitmentText: commitments.COMMITMENT_TEXT
	};
}
