/** "Handled" marks on flagged plaques: the mark holds until the plaque is scanned stale again. */
import { db } from '../db';
import { scanFlagHandled } from '../db/schema';
import * as audit from '../audit';
import * as badges from '../badges';
import { DomainError } from '../forms';
import { inScope } from '../access';
import type { SessionUser } from '../auth/session';

export function markHandled(actor: SessionUser, badgeId: number, now = new Date()) {
	const b = badges.byId(badgeId);
	if (!b || actor.role === 'merchant' || !inScope(actor, badges.townOf(b)))
		throw new DomainError('_', '牌匾不存在');
	db.transaction((tx) => {
		// The same window as the flagged list, so the mark compares like with like.
		const stale =
			badges.flaggedScans(null, { limit: 500 }).find((f) => f.badgeId === badgeId)?.staleScans ?? 0;
		tx.insert(scanFlagHandled)
			.values({ badgeId, staleScans: stale, handledBy: actor.id, handledAt: now })
			.onConflictDoUpdate({
				target: scanFlagHandled.badgeId,
				set: { staleScans: stale, handledBy: actor.id, handledAt: now }
			})
			.run();
		audit.record(
			tx,
			actor,
			{
				action: 'badge.flag_handled',
				entityType: 'badge',
				entityId: badgeId,
				townId: badges.townOf(b) ?? null,
				after: { staleScans: stale }
			},
			now
		);
	});
}
