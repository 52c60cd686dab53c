/** An archive entry for one step of the loop (reply, request, appeal, signature), in its transaction. */
import type { Tx } from '../db';
import { archiveEntry, type ArchiveKind } from '../db/schema';
import type { Actor } from '../actor';

export function archiveStep(
	tx: Tx,
	actor: Actor,
	m: { id: number; townId: number },
	step: {
		kind: ArchiveKind;
		title: string;
		publicNote?: string;
		internalNote?: string;
		public: boolean;
		sourceType: string;
		sourceId: number;
	},
	now: Date
) {
	return tx
		.insert(archiveEntry)
		.values({
			merchantId: m.id,
			townId: m.townId,
			kind: step.kind,
			occurredAt: now,
			points: 0,
			title: step.title,
			publicNote: step.publicNote ?? '',
			internalNote: step.internalNote ?? '',
			sourceType: step.sourceType,
			sourceId: String(step.sourceId),
			public: step.public,
			createdBy: actor.id,
			createdAt: now
		})
		.returning()
		.get();
}
