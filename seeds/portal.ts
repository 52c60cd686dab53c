/**
 * Demo signatures of the streets' honesty commitment: every other rated merchant has signed, the
 * rest have not, so the scan pages show both.
 */
import { merchants } from '../src/lib/server/streets';
import { commitments } from '../src/lib/server/portal';
import { SYSTEM } from '../src/lib/server/actor';

export function seedPortalDemo(): string {
	const rated = merchants
		.list(null, { pageSize: 1000 })
		.items.filter((m) => m.level !== 'none')
		.sort((a, b) => a.id - b.id);
	const signers = rated.filter((_, i) => i % 2 === 0);
	for (const m of signers) {
		const d = merchants.byId(m.id)!;
		commitments.sign(SYSTEM, m.id, d.contactName || '店长');
	}
	return `诚信经营承诺签署 ${signers.length} 家（共 ${rated.length} 家评级商户）`;
}
