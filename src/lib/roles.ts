export const ROLES = [
	'district_admin',
	'town_officer',
	'inspector',
	'department_officer',
	'merchant'
] as const;
export type Role = (typeof ROLES)[number];

/** The roles of the staff area; a merchant account has its own home at /merchant. */
export const STAFF_ROLES = [
	'district_admin',
	'town_officer',
	'inspector',
	'department_officer'
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
	district_admin: '区级管理员',
	town_officer: '街镇工作人员',
	inspector: '检查评审员',
	department_officer: '区级部门工作人员',
	merchant: '商户'
};

/** Where a role lands after signing in. */
export function homeOf(role: Role): string {
	return role === 'merchant' ? '/merchant' : '/staff';
}
