/**
 * A merchant account's scope: the shops it speaks for. A merchant account has no town, so every
 * staff check by town refuses it; these helpers are its own line of defence.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '../access';
import * as users from '../users';
import { db } from '../db';
import { DomainError } from '../forms';
import type { Actor } from '../actor';
import type { SessionUser } from '../auth/session';

export type MerchantUser = SessionUser & { merchantIds: number[] };

/** The signed-in merchant account with its shops, or the login redirect / 403. */
export function requireMerchant(event: Pick<RequestEvent, 'locals' | 'url'>): MerchantUser {
	const u = requireRole(event, 'merchant');
	return { ...u, merchantIds: users.merchantIdsOf(db, u.id) };
}

/** One of the account's own shops by id; any other id answers 404 as if it did not exist. */
export function ownMerchant(u: MerchantUser, raw: string | number): number {
	const id = Number(raw);
	if (!u.merchantIds.includes(id)) error(404, '商户不存在');
	return id;
}

/** For domain functions: the actor is a merchant account that speaks for this shop. */
export function assertSpeaksFor(actor: Actor, merchantId: number) {
	if (actor.role !== 'merchant' || actor.id == null)
		throw new DomainError('_', '只有商户本人的账号可以这样做');
	if (!users.merchantIdsOf(db, actor.id).includes(merchantId))
		throw new DomainError('_', '商户不存在');
}
