/**
 * A merchant account's scope: the shops it speaks for. A merchant account has no town, so every
 * staff check by town refuses it; these helpers are its own line of defence.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { can, requireRole, type ActionOf } from '../access';
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
	if (!can(u, 'view', 'shop', { townId: null, merchantId: id })) error(404, '商户不存在');
	return id;
}

/** For domain functions: the actor is a merchant account that may take `action` for this shop. */
export function assertSpeaksFor(
	actor: Actor,
	merchantId: number,
	action: ActionOf<'shop'> = 'reply'
) {
	if (actor.role !== 'merchant' || actor.id == null)
		throw new DomainError('_', '只有商户本人的账号可以这样做');
	const who = { ...actor, merchantIds: users.merchantIdsOf(db, actor.id) };
	if (!can(who, action, 'shop', { townId: null, merchantId }))
		throw new DomainError('_', '商户不存在');
}
