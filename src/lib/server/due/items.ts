/** The work-due items of the areas built so far; other areas add theirs with one `register` line. */
import { and, count, eq, gte, inArray, lte } from 'drizzle-orm';
import { db } from '../db';
import { badge, instrument, merchant, metrologyUnit, scanFlagHandled } from '../db/schema';
import { townIn, townScope } from '../access';
import * as feedback from '../feedback';
import * as badges from '../badges';
import * as campaign from '../campaign';
import { inspections } from '../streets';
import { appeals, home, reinspections, replies } from '../portal';
import * as users from '../users';
import * as plan from '../plan';
import * as creditTowns from '../credit-towns';
import * as metrology from '../metrology';
import * as stories from '../stories';
import { todayISO } from '../../format';
import { register } from './registry';
import type { SessionUser } from '../auth/session';

const staff = (u: SessionUser) => u.role !== 'merchant';
const office = (u: SessionUser) => u.role === 'district_admin' || u.role === 'town_officer';
const DAY = 86_400_000;
const inDays = (n: number) => todayISO(new Date(Date.now() + n * DAY));

register('feedback', (u) => {
	if (!office(u)) return null;
	const c = feedback.counts(townScope(u));
	return [
		{
			label: `待核实反馈已超过 ${feedback.deadlineDays()} 个工作日`,
			count: c.overdue,
			href: '/staff/feedback?status=pending&overdue=1',
			tone: 'danger'
		},
		{ label: '待核实的消费者反馈', count: c.pending, href: '/staff/feedback?status=pending' }
	];
});

register('replies', (u) =>
	office(u)
		? { label: '待审核的商户回应', count: replies.waitingCount(u), href: '/staff/feedback/replies' }
		: null
);

register('stories', (u) => ({
	label: '待审核的诚信故事',
	count: stories.waitingCount(u),
	href: '/staff/stories'
}));

register('appeals', (u) =>
	u.role === 'district_admin'
		? { label: '待裁决的商户申诉', count: appeals.waitingCount(), href: '/staff/admin/appeals' }
		: null
);

register('reinspections', (u) =>
	staff(u)
		? {
				label: '商户整改复查申请',
				count: reinspections.openCount(u),
				href: '/staff/inspections/requests'
			}
		: null
);

register('badges', (u) => {
	if (!staff(u)) return null;
	const n =
		db
			.select({ n: count() })
			.from(merchant)
			.innerJoin(badge, eq(badge.id, merchant.currentBadgeId))
			.where(
				and(
					inArray(badge.state, ['valid', 'downgraded', 'suspended']),
					gte(badge.validUntil, todayISO()),
					lte(badge.validUntil, inDays(30)),
					townIn(merchant.townId, u)
				)
			)
			.get()?.n ?? 0;
	return { label: '30 天内到期的牌匾', count: n, href: '/staff/inspections', tone: 'warn' };
});

/**
 * The one register: merchants' instruments and metrology units' alike, past or near their next
 * verification (one rule for both), each in the town of its owner. A unit's instruments link to
 * the unit's page (to the list when several units have some).
 */
register('instruments', (u) => {
	if (!staff(u)) return null;
	const dueBy = (to: string, from?: string) =>
		and(
			eq(instrument.retired, false),
			from ? gte(instrument.nextDueOn, from) : undefined,
			lte(instrument.nextDueOn, to)
		);
	const merchants = (to: string, from?: string) =>
		db
			.select({ n: count() })
			.from(instrument)
			.innerJoin(merchant, eq(merchant.id, instrument.merchantId))
			.where(and(dueBy(to, from), townIn(merchant.townId, u)))
			.get()?.n ?? 0;
	const units = (to: string, from?: string) => {
		const rows = db
			.select({ unitId: metrologyUnit.id, n: count() })
			.from(instrument)
			.innerJoin(metrologyUnit, eq(metrologyUnit.id, instrument.unitId))
			.where(and(dueBy(to, from), townIn(metrologyUnit.townId, u)))
			.groupBy(metrologyUnit.id)
			.all();
		return {
			count: rows.reduce((n, r) => n + r.n, 0),
			href:
				rows.length === 1 ? `/staff/metrology/${rows[0].unitId}#instruments` : '/staff/metrology'
		};
	};
	const yesterday = inDays(-1);
	const soon = [inDays(30), todayISO()] as const;
	return [
		{
			label: '已过检定有效期的计量器具',
			count: merchants(yesterday),
			href: '/staff/merchants',
			tone: 'danger'
		},
		{
			label: '30 天内需检定的计量器具',
			count: merchants(...soon),
			href: '/staff/merchants',
			tone: 'warn'
		},
		{ label: '已过检定有效期的计量器具（计量示范单位）', ...units(yesterday), tone: 'danger' },
		{ label: '30 天内需检定的计量器具（计量示范单位）', ...units(...soon), tone: 'warn' }
	];
});

/** Named metrology units whose yearly review is past or falls within 30 days. */
register('metrology-reviews', (u) => {
	if (!staff(u)) return null;
	const due = metrology.reviewsDue(u, inDays(30));
	return {
		label: '诚信计量示范单位年度复核到期',
		count: due.length,
		href: due.length === 1 ? `/staff/metrology/${due[0].id}` : '/staff/metrology?status=named',
		tone: due.some((d) => d.reviewDueOn < todayISO()) ? 'danger' : 'warn'
	};
});

register('inspections', (u) => {
	if (u.role !== 'inspector' && u.role !== 'district_admin') return null;
	const scope = townScope(u);
	return {
		label: '未提交的检查评审草稿',
		count: inspections.count(scope, { status: 'draft' }),
		href: '/staff/inspections'
	};
});

register('flagged', (u) =>
	staff(u)
		? { label: '作废牌匾仍被扫码', count: unhandledFlags(u).length, href: '/staff/badges/flagged' }
		: null
);

register('pace', (u) => {
	if (u.role !== 'district_admin') return null;
	const d = campaign.dashboard(campaign.currentYear());
	return {
		label: '信用承诺进度滞后的街镇',
		count: d.towns.filter((t) => t.pace === 'behind').length,
		href: '/staff/campaign',
		tone: 'warn'
	};
});

/** Merchants: the same idea for the account's own shops. */
register('merchant', (u) => {
	if (u.role !== 'merchant') return null;
	const shops = home.shops(users.merchantIdsOf(db, u.id));
	const soon = inDays(30);
	return [
		{
			label: '可以申诉的扣分记录',
			count: shops.reduce((n, s) => n + s.appealable, 0),
			href: '/merchant'
		},
		{
			label: '正在核实的消费者反馈',
			count: shops.reduce((n, s) => n + s.pendingFeedback, 0),
			href: '/merchant'
		},
		{
			label: '30 天内到期的牌匾',
			count: shops.filter((s) => s.badge && s.badge.validUntil <= soon).length,
			href: '/merchant',
			tone: 'warn'
		},
		{
			label: '已过期或即将到期的计量器具',
			count: shops.reduce((n, s) => n + s.instruments.overdue + s.instruments.dueSoon, 0),
			href: '/merchant',
			tone: 'warn'
		},
		{
			label: '尚未签署诚信经营承诺的门店',
			count: shops.filter((s) => !s.signed).length,
			href: '/merchant'
		}
	];
});

/** Flagged plaques not marked handled since their last stale scan. */
export function unhandledFlags(u: SessionUser) {
	const flagged = badges.flaggedScans(townScope(u), { limit: 500 });
	if (!flagged.length) return [];
	const handled = new Map(
		db
			.select()
			.from(scanFlagHandled)
			.where(
				inArray(
					scanFlagHandled.badgeId,
					flagged.map((f) => f.badgeId)
				)
			)
			.all()
			.map((h) => [h.badgeId, h.staleScans])
	);
	return flagged.filter((f) => (handled.get(f.badgeId) ?? -1) < f.staleScans);
}

// a unit's progress reports on the work plan that are due, late or returned for changes
register('plan.reports', (u) => (staff(u) ? plan.reports.dueFor(u) : null));

register('credit-towns', (u) => {
	if (u.role === 'district_admin') {
		const d = creditTowns.dueForDistrict();
		return [
			{
				label: '待受理的信用街镇示范创建申报',
				count: d.waiting,
				href: '/staff/admin/credit-towns?status=submitted'
			},
			{
				label: '创建中待评审的信用街镇',
				count: d.building,
				href: '/staff/admin/credit-towns?status=building'
			},
			{
				label: '信用街镇示范年度复核到期',
				count: d.reviews,
				href: '/staff/admin/credit-towns?status=named',
				tone: 'warn'
			}
		];
	}
	if (u.role !== 'town_officer') return null;
	const d = creditTowns.dueForTowns(u.townIds);
	return [
		{
			label: '信用街镇示范创建申报被退回，请修改后重新申报',
			count: d.returned,
			href: '/staff/plan/credit-town',
			tone: 'danger'
		},
		{
			label: '信用街镇示范创建未通过，可整改后重新申报',
			count: d.failed,
			href: '/staff/plan/credit-town'
		}
	];
});
