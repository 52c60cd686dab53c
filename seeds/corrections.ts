/**
 * Demo corrections: one rated merchant's inspection amended with a reason (the archive shows the
 * original marked 已更正), and one town's duplicate progress filing withdrawn.
 */
import { inspections, merchants } from '../src/lib/server/streets';
import * as campaign from '../src/lib/server/campaign';
import * as towns from '../src/lib/server/towns';
import { SYSTEM } from '../src/lib/server/actor';
import { amendInspection } from '../src/lib/server/testing/factories';
import { todayISO } from '../src/lib/format';

export function seedCorrectionsDemo(now = new Date()): string {
	const rated = merchants
		.list(null, { pageSize: 1000 })
		.items.filter((m) => m.level !== 'none')
		.sort((a, b) => a.id - b.id);
	const shop = rated[Math.floor(rated.length / 2)];
	const m = shop && merchants.byId(shop.id);
	let amended = 0;
	const last = m?.lastInspectionId ? inspections.byId(m.lastInspectionId) : undefined;
	if (last?.total != null) {
		// half a point more: an item's points were entered wrongly
		const total = Math.min(100, last.total + 0.5);
		amendInspection(SYSTEM, last.id, total, '复核现场照片，价签项漏计半分，予以更正', {
			now
		});
		amended = 1;
	}
	const year = campaign.currentYear(now);
	const town = towns.bySlug('yueyang');
	let withdrawn = 0;
	if (town) {
		const dup = campaign.fileCount(
			SYSTEM,
			{
				townId: town.id,
				year,
				asOf: todayISO(now),
				commitments: 0,
				reports: 0,
				note: '误报'
			},
			now
		);
		campaign.withdrawCount(SYSTEM, dup.id, '误将空表提交，撤回', now);
		withdrawn = 1;
	}
	return `更正检查评审 ${amended} 份，撤回进度填报 ${withdrawn} 条`;
}
