/**
 * Data for the badge benchmarks, written through the domain modules into the bench server's
 * database: a street of N merchants each holding a badge, and a district admin's session. Prints
 * JSON for bench/cases/badges.js.
 */
import * as badges from '../src/lib/server/badges';
import { merchants } from '../src/lib/server/streets';
import { createSession, generateSessionToken } from '../src/lib/server/auth';
import { SYSTEM } from '../src/lib/server/actor';
import {
	inspectMerchant,
	makeMerchant,
	makeStreet,
	makeUser
} from '../src/lib/server/testing/factories';

const n = Number(process.argv[2] ?? 200);
const street = makeStreet(SYSTEM, 'zhongshan', { name: `压测示范街${Date.now() % 100000}` });
for (let i = 0; i < n; i++) {
	const m = makeMerchant(SYSTEM, street.id, {
		name: `压测商户${i + 1}号`,
		address: `压测路 ${i + 1} 号`
	});
	inspectMerchant(SYSTEM, m.id, 80 + (i % 20));
}
// Drawn once when first printed, then kept: the benchmark measures the printing that follows.
await badges.streetPlaques(street.id);
const first = merchants.list(null, { streetId: street.id, pageSize: 1 }).items[0];
const b = badges.byId(merchants.byId(first.id)!.currentBadgeId!)!;
const code = await badges.ensureCode(b);
const admin = await makeUser('district_admin', [], { displayName: '压测管理员' });
const token = generateSessionToken();
createSession(token, admin.id);
console.log(
	JSON.stringify({ streetId: street.id, code: code.code, cookie: `cx_session=${token}` })
);
