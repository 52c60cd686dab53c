/** Test data made through the domain modules, as the app itself makes it. */
import * as users from '../users';
import * as towns from '../towns';
import { SYSTEM } from '../actor';
import type { SessionUser } from '../auth/session';
import type { Role } from '../db/schema';

let n = 0;

export async function makeUser(
	role: Role,
	townSlugs: string[] = role === 'district_admin' ? [] : ['yueyang']
): Promise<SessionUser> {
	n += 1;
	const townIds = townSlugs.map((s) => towns.bySlug(s)!.id);
	const u = await users.create(SYSTEM, {
		username: `${role}-${n}-${Date.now()}`,
		displayName: `测试用户${n}`,
		password: `Test-password-${n}-x9`,
		role,
		townIds
	});
	return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, townIds };
}

export { makeEvent, makeEventInput } from '../../../../seeds/events';
