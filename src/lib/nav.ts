import type { Role } from '$lib/roles';

export type NavItem = { href: string; label: string; roles: Role[] };

/** The staff navigation; each page checks the role again on the server. */
export const STAFF_NAV: NavItem[] = [
	{ href: '/staff', label: '工作台', roles: ['district_admin', 'town_officer', 'inspector'] },
	{ href: '/campaign', label: '承诺进度', roles: ['district_admin', 'town_officer'] },
	{ href: '/campaign/enterprises', label: '企业与承诺', roles: ['district_admin', 'town_officer'] },
	{ href: '/campaign/reports', label: '信用报告', roles: ['district_admin', 'town_officer'] },
	{ href: '/campaign/import', label: '批量导入', roles: ['district_admin', 'town_officer'] },
	{ href: '/campaign/counts', label: '进度填报', roles: ['district_admin', 'town_officer'] },
	{ href: '/campaign/targets', label: '年度目标', roles: ['district_admin'] },
	{
		href: '/staff/streets',
		label: '示范街',
		roles: ['district_admin', 'town_officer', 'inspector']
	},
	{
		href: '/staff/merchants',
		label: '商户',
		roles: ['district_admin', 'town_officer', 'inspector']
	},
	{
		href: '/staff/inspections',
		label: '检查评审',
		roles: ['district_admin', 'town_officer', 'inspector']
	},
	{
		href: '/badges',
		label: '牌匾与扫码',
		roles: ['district_admin', 'town_officer', 'inspector']
	},
	{ href: '/badges/feedback', label: '消费者反馈', roles: ['district_admin', 'town_officer'] },
	{ href: '/admin/standards', label: '评价标准', roles: ['district_admin'] },
	{ href: '/admin/ratings', label: '评级设置', roles: ['district_admin'] },
	{ href: '/staff/events', label: '宣传教育活动', roles: ['district_admin', 'town_officer'] },
	{ href: '/admin/users', label: '用户管理', roles: ['district_admin'] },
	{ href: '/admin/towns', label: '街镇园区', roles: ['district_admin'] },
	{ href: '/admin/audit', label: '操作日志', roles: ['district_admin'] },
	{ href: '/admin/event-options', label: '活动主题与形式', roles: ['district_admin'] }
];

export const PUBLIC_NAV: { href: string; label: string }[] = [
	{ href: '/', label: '首页' },
	{ href: '/redlist', label: '诚信红榜' },
	{ href: '/events', label: '宣传教育活动' },
	{ href: '/disclosures', label: '信用承诺公示' }
];

export function navFor(role: Role): NavItem[] {
	return STAFF_NAV.filter((item) => item.roles.includes(role));
}
