/**
 * The consumer's receipt for a complaint: a number to quote on the phone (FK-20261201-0042) and a
 * private link with a random token, of which only the SHA-256 is stored, that shows what became
 * of it.
 */
import { and, count, eq, like } from 'drizzle-orm';
import { db, type Tx } from '../db';
import { archiveEntry, feedback, feedbackReceipt, merchant } from '../db/schema';
import { generateSessionToken, sessionIdFromToken } from '../auth/session';
import { todayISO } from '../../format';
import { formatReceiptNo } from '../../portal';

export type Receipt = { receiptNo: string; token: string };

/** Issues the receipt of a new feedback row, inside the transaction that stored it. */
export function issue(tx: Tx, feedbackId: number, createdAt: Date): Receipt {
	const day = todayISO(createdAt);
	const prefix = formatReceiptNo(day, 0).slice(0, -4);
	const n =
		(tx
			.select({ n: count() })
			.from(feedbackReceipt)
			.where(like(feedbackReceipt.receiptNo, `${prefix}%`))
			.get()?.n ?? 0) + 1;
	const receiptNo = formatReceiptNo(day, n);
	const token = generateSessionToken();
	tx.insert(feedbackReceipt)
		.values({ feedbackId, receiptNo, tokenHash: sessionIdFromToken(token) })
		.run();
	return { receiptNo, token };
}

/** The officer's answer to the consumer, written when deciding. */
export function setAnswer(tx: Tx, feedbackId: number, answer: string) {
	tx.update(feedbackReceipt)
		.set({ answer })
		.where(eq(feedbackReceipt.feedbackId, feedbackId))
		.run();
}

export function numberOf(feedbackId: number): string | undefined {
	return db
		.select({ no: feedbackReceipt.receiptNo })
		.from(feedbackReceipt)
		.where(eq(feedbackReceipt.feedbackId, feedbackId))
		.get()?.no;
}

/**
 * What the holder of the link may see: their own complaint's category, the merchant's name, its
 * status, the date decided, the officer's answer, and whether an appeal overturned the finding.
 * Never the phone, and never anything another consumer wrote.
 */
export function byToken(token: string) {
	if (!/^[a-z2-7]{16,64}$/.test(token)) return undefined;
	const row = db
		.select({
			receiptNo: feedbackReceipt.receiptNo,
			answer: feedbackReceipt.answer,
			source: feedback.source,
			category: feedback.category,
			body: feedback.body,
			status: feedback.status,
			createdAt: feedback.createdAt,
			decidedAt: feedback.decidedAt,
			archiveEntryId: feedback.archiveEntryId,
			merchantId: feedback.merchantId,
			merchantName: merchant.name
		})
		.from(feedbackReceipt)
		.innerJoin(feedback, eq(feedback.id, feedbackReceipt.feedbackId))
		.leftJoin(merchant, eq(merchant.id, feedback.merchantId))
		.where(eq(feedbackReceipt.tokenHash, sessionIdFromToken(token)))
		.get();
	if (!row) return undefined;
	const reversal = row.archiveEntryId
		? db
				.select({ occurredAt: archiveEntry.occurredAt })
				.from(archiveEntry)
				.where(
					and(
						eq(archiveEntry.kind, 'reversal'),
						eq(archiveEntry.sourceType, 'archive'),
						eq(archiveEntry.sourceId, String(row.archiveEntryId))
					)
				)
				.get()
		: undefined;
	return {
		receiptNo: row.receiptNo,
		answer: row.answer,
		source: row.source,
		category: row.category,
		body: row.body,
		status: row.status,
		createdAt: row.createdAt,
		decidedAt: row.decidedAt,
		merchantId: row.merchantId,
		merchantName: row.merchantName,
		reversedAt: reversal?.occurredAt ?? null
	};
}
