/** Badged merchants and their scan codes, made through inspections and the badges area. */
import * as badges from '../badges';
import { merchants } from '../streets';
import type { Actor } from '../actor';
import { inspectMerchant, makeMerchant, makeStreet } from './streets';

/** A street in the town and a merchant on it inspected at `total`, with its badge's code. */
export async function makeBadgedMerchant(actor: Actor, townSlug = 'yueyang', total = 95) {
	const s = makeStreet(actor, townSlug);
	const m = makeMerchant(actor, s.id);
	inspectMerchant(actor, m.id, total);
	const id = merchants.byId(m.id)?.currentBadgeId;
	const b = id == null ? undefined : badges.byId(id);
	if (!b) throw new Error('no badge granted');
	const code = await badges.ensureCode(b, actor);
	return { street: s, merchant: m, badge: b, code };
}
