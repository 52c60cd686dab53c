/**
 * The merchant's signature of its street's honesty commitment (诚信经营承诺) and self-discipline
 * convention (自律公约). The convention's version is a digest of its text as signed: when the
 * street changes the convention, earlier signatures stop being current and the public pages stop
 * claiming one until the merchant signs again.
 */
import { createHash } from 'node:crypto';
import { desc, eq, inArray } from 'drizzle-orm';
import { db } from '../db';
import { commitmentSignature, merchant, street } from '../db/schema';
import * as audit from '../audit';
import { DomainError } from '../forms';
import type { Actor } from '../actor';
import { assertSpeaksFor } from './scope';
import { archiveStep } from './steps';

/** The commitment every merchant of a street signs, with the street's own convention after it. */
export const COMMITMENT_TEXT =
	'本店承诺：明码标价、足斤足两、货真价实、诚信待客，不做虚假宣传，主动接受消费者和街镇监督，认真处理消费者反馈。';

export function conventionVersion(streetName: string, convention: string): string {
	return createHash('sha256')
		.update(`${COMMITMENT_TEXT}\n${streetName}\n${convention.trim()}`)
		.digest('hex')
		.slice(0, 12);
}

/**
 * The merchant signs in the app. The system actor may record a signature too (demo data, a paper
 * signature entered from the CLI); staff accounts may not sign for a merchant.
 */
export function sign(actor: Actor, merchantId: number, signerName: string, now = new Date()) {
	if (actor.role !== 'system') assertSpeaksFor(actor, merchantId, 'sign');
	const signer = signerName.trim();
	if (signer.length < 2 || signer.length > 40)
		throw new DomainError('signerName', '请填写签署人姓名（2–40 个字）');
	return db.transaction((tx) => {
		const m = tx.select().from(merchant).where(eq(merchant.id, merchantId)).get()!;
		const s = tx.select().from(street).where(eq(street.id, m.streetId)).get()!;
		const version = conventionVersion(s.name, s.convention);
		const row = tx
			.insert(commitmentSignature)
			.values({
				merchantId,
				streetId: s.id,
				conventionVersion: version,
				conventionText: s.convention,
				signerName: signer,
				signedBy: actor.id,
				signedAt: now
			})
			.returning()
			.get();
		archiveStep(
			tx,
			actor,
			m,
			{
				kind: 'commitment',
				title: `签署诚信经营承诺，遵守《${s.name}自律公约》`,
				publicNote: `签署人 ${signer}，公约版本 ${version}`,
				public: true,
				sourceType: 'commitment_signature',
				sourceId: row.id
			},
			now
		);
		audit.record(
			tx,
			actor,
			{
				action: 'commitment.sign',
				entityType: 'commitment_signature',
				entityId: row.id,
				townId: m.townId,
				after: { ...row, conventionText: undefined }
			},
			now
		);
		return row;
	});
}

export type CurrentSignature = {
	signedAt: Date;
	signerName: string;
	version: string;
	streetName: string;
};

/** Each merchant's current signature (for its street's convention as it reads now), if any. */
export function currentFor(merchantIds: number[]): Map<number, CurrentSignature> {
	const out = new Map<number, CurrentSignature>();
	if (!merchantIds.length) return out;
	const rows = db
		.select({
			merchantId: commitmentSignature.merchantId,
			streetId: commitmentSignature.streetId,
			version: commitmentSignature.conventionVersion,
			signerName: commitmentSignature.signerName,
			signedAt: commitmentSignature.signedAt,
			mStreet: merchant.streetId,
			streetName: street.name,
			convention: street.convention
		})
		.from(commitmentSignature)
		.innerJoin(merchant, eq(merchant.id, commitmentSignature.merchantId))
		.innerJoin(street, eq(street.id, merchant.streetId))
		.where(inArray(commitmentSignature.merchantId, merchantIds))
		.orderBy(desc(commitmentSignature.signedAt), desc(commitmentSignature.id))
		.all();
	for (const r of rows) {
		if (out.has(r.merchantId)) continue;
		if (r.streetId !== r.mStreet) continue;
		if (r.version !== conventionVersion(r.streetName, r.convention)) continue;
		out.set(r.merchantId, {
			signedAt: r.signedAt,
			signerName: r.signerName,
			version: r.version,
			streetName: r.streetName
		});
	}
	return out;
}

export function current(merchantId: number): CurrentSignature | null {
	return currentFor([merchantId]).get(merchantId) ?? null;
}
