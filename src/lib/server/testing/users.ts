import * as users from '../users';
import * as towns from '../towns';
import * as departments from '../plan/departments';
import { SYSTEM } from '../actor';
import type { SessionUser } from '../auth/session';
import type { Role } from '../db/schema';

let n = 0;

/**
 * A staff account of the role, in the given towns (岳阳街道 unless a district admin or a
 * department officer); a department officer belongs to `over.department` (区教育局 by default).
 */
export async function makeUser(
	role: Role,
	townSlugs: string[] = role === 'district_admin' || role === 'department_officer'
		? []
		: ['yueyang'],
	over: { username?: string; displayName?: string; password?: string; department?: string } = {}
): Promise<SessionUser> {
	n += 1;
	const townIds = townSlugs.map((s) => towns.bySlug(s)!.id);
	const departmentId =
		role === 'department_officer' ? departments.byName(over.department ?? '区教育局')!.id : null;
	const u = await users.create(SYSTEM, {
		username: over.username ?? `${role}-${n}-${Date.now()}`,
		displayName: over.displayName ?? `测试用户${n}`,
		password: over.password ?? `Test-password-${n}-x9`,
		role,
		townIds,
		departmentId
	});
	return {
		id: u.id,
		username: u.username,
		displayName: u.displayName,
		role: u.role,
		townIds,
		departmentId
	};
}

/** A merchant account speaking for the given shops. */
export async function makeMerchantAccount(
	merchantIds: number[],
	over: { username?: string; password?: string } = {}
): Promise<SessionUser> {
	n += 1;
	const u = await users.create(SYSTEM, {
		username: over.username ?? `merchant-${n}-${Date.now()}`,
		displayName: `商户负责人${n}`,
		password: over.password ?? `Test-password-${n}-x9`,
		role: 'merchant',
		townIds: [],
		merchantIds
	});
	return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, townIds: [] };
}
