import type { Role } from '$lib/roles';

export type NavGroup = { id: string; label: string };
/**
 * What an entry needs beyond the role, answered on the server for the viewer (the page's own
 * check): `stories` — may open the staff story library (towns, 区文明办, the district);
 * `youth` — may read 区教育局's view (区教育局, the district); `metrology` — may read the register
 * of metrology demonstration units (towns, inspectors, 区市场监管局, the district).
 */
export const NAV_NEEDS = ['stories', 'youth', 'metrology'] as const;
export type NavNeed = (typeof NAV_NEEDS)[number];
export type NavGrants = Record<NavNeed, boolean>;

export type NavItem = {
	href: string;
	label: string;
	roles: Role[];
	group: string;
	needs?: NavNeed;
};

const ALL: Role[] = ['district_admin', 'town_officer', 'inspector', 'department_officer'];
/** Those who log events and report progress: district admins, towns and departments. */
const UNITS: Role[] = ['district_admin', 'town_officer', 'department_officer'];
const OFFICERS: Role[] = ['town_officer', 'department_officer'];
const OFFICE: Role[] = ['district_admin', 'town_officer'];
const ADMIN: Role[] = ['district_admin'];

/** Top-level sections of the staff area; each shows its own entries as a second row. */
export const STAFF_GROUPS: NavGroup[] = [
	{ id: 'home', label: '工作台' },
	{ id: 'campaign', label: '信用承诺' },
	{ id: 'streets', label: '诚信示范街' },
	{ id: 'events', label: '宣传教育' },
	{ id: 'plan', label: '工作计划' },
	{ id: 'admin', label: '系统管理' }
];

/** The staff navigation; each page checks the role again on the server. */
export const STAFF_NAV: NavItem[] = [
	{ href: '/staff', label: '工作台', roles: ALL, group: 'home' },
	{ href: '/staff/campaign', label: '承诺进度', roles: OFFICE, group: 'campaign' },
	{ href: '/staff/campaign/enterprises', label: '企业与承诺', roles: OFFICE, group: 'campaign' },
	{ href: '/staff/campaign/reports', label: '信用报告', roles: OFFICE, group: 'campaign' },
	{ href: '/staff/campaign/import', label: '批量导入', roles: OFFICE, group: 'campaign' },
	{ href: '/staff/campaign/counts', label: '进度填报', roles: OFFICE, group: 'campaign' },
	{ href: '/staff/campaign/targets', label: '年度目标', roles: ADMIN, group: 'campaign' },
	{ href: '/staff/streets', label: '示范街', roles: ALL, group: 'streets' },
	{ href: '/staff/merchants', label: '商户', roles: ALL, group: 'streets' },
	{ href: '/staff/inspections', label: '检查评审', roles: ALL, group: 'streets' },
	{ href: '/staff/badges', label: '牌匾与扫码', roles: OFFICE, group: 'streets' },
	{ href: '/staff/feedback', label: '消费者反馈', roles: OFFICE, group: 'streets' },
	{ href: '/staff/feedback/replies', label: '商户回应审核', roles: OFFICE, group: 'streets' },
	{ href: '/staff/inspections/requests', label: '复查申请', roles: ALL, group: 'streets' },
	{ href: '/staff/admin/appeals', label: '商户申诉', roles: ADMIN, group: 'streets' },
	{
		href: '/staff/metrology',
		label: '诚信计量示范单位',
		roles: ALL,
		group: 'streets',
		needs: 'metrology'
	},
	{ href: '/staff/admin/standards', label: '评价标准', roles: ADMIN, group: 'streets' },
	{ href: '/staff/admin/ratings', label: '评级设置', roles: ADMIN, group: 'streets' },
	{ href: '/staff/events', label: '宣传教育活动', roles: UNITS, group: 'events' },
	{ href: '/staff/admin/event-options', label: '活动主题与形式', roles: ADMIN, group: 'events' },
	{ href: '/staff/plan', label: '年度任务', roles: UNITS, group: 'plan' },
	{ href: '/staff/plan/reports', label: '进展报送', roles: OFFICERS, group: 'plan' },
	{ href: '/staff/admin/plan', label: '报送情况', roles: ADMIN, group: 'plan' },
	{
		href: '/staff/plan/credit-town',
		label: '信用街镇创建',
		roles: ['town_officer'],
		group: 'plan'
	},
	{ href: '/staff/admin/credit-towns', label: '信用街镇审核', roles: ADMIN, group: 'plan' },
	{ href: '/staff/stories', label: '诚信故事', roles: UNITS, group: 'events', needs: 'stories' },
	{
		href: '/staff/events/youth',
		label: '青少年诚信教育',
		roles: ['district_admin', 'department_officer'],
		group: 'events',
		needs: 'youth'
	},
	{ href: '/staff/admin/users', label: '用户管理', roles: ADMIN, group: 'admin' },
	{ href: '/staff/admin/towns', label: '街镇园区', roles: ADMIN, group: 'admin' },
	{ href: '/staff/admin/departments', label: '区级部门', roles: ADMIN, group: 'admin' },
	{ href: '/staff/admin/schools', label: '学校名录', roles: ADMIN, group: 'admin' },
	{ href: '/staff/admin/audit', label: '操作日志', roles: ADMIN, group: 'admin' }
];

export const PUBLIC_NAV: { href: string; label: string }[] = [
	{ href: '/', label: '首页' },
	{ href: '/map', label: '诚信地图' },
	{ href: '/redlist', label: '诚信红榜' },
	{ href: '/events', label: '宣传教育活动' },
	{ href: '/stories', label: '诚信故事' },
	{ href: '/metrology', label: '诚信计量' },
	{ href: '/disclosures', label: '信用承诺公示' }
];

/**
 * The entries a viewer of the role sees: those of the role, and of an entry that needs more, only
 * when the viewer's grants hold it. Without grants (a test listing a role's pages) the role decides.
 */
export function navFor(role: Role, grants?: NavGrants): NavItem[] {
	return STAFF_NAV.filter(
		(item) => item.roles.includes(role) && (!item.needs || !grants || grants[item.needs])
	);
}

/** The sections a role sees, each linking to its first entry. */
export function groupsFor(items: NavItem[]) {
	return STAFF_GROUPS.flatMap((g) => {
		const entries = items.filter((i) => i.group === g.id);
		return entries.length ? [{ ...g, href: entries[0].href, items: entries }] : [];
	});
}

/** The entry with the longest path containing the page, so nested entries don't both light up. */
export function currentEntry(items: NavItem[], pathname: string): NavItem | undefined {
	const hits = items.filter(
		(item) =>
			pathname === item.href || (item.href !== '/staff' && pathname.startsWith(item.href + '/'))
	);
	return hits.sort((a, b) => b.href.length - a.href.length)[0];
}
