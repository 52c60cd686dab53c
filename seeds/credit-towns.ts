/**
 * Demo credit-town demonstration creation: two towns named (one already through its first yearly
 * review), one under creation with its review half scored, one failed with the district's reason.
 * Written through the credit-town and inspection modules, evidence files included.
 */
import * as creditTowns from '../src/lib/server/credit-towns';
import * as standards from '../src/lib/server/streets/standards';
import { SYSTEM } from '../src/lib/server/actor';
import { applyCreditTown, reviewCreditTown, scoresFor } from '../src/lib/server/testing/factories';

const at = (iso: string) => new Date(`${iso}T02:00:00Z`);

export async function seedCreditTownsDemo(): Promise<string> {
	if (creditTowns.list(null, { limit: 1 }).total > 0) return '信用街镇示范创建已存在';
	// 方松街道: named this spring
	const fangsong = await applyCreditTown(SYSTEM, 'fangsong', { now: at('2026-02-26') });
	creditTowns.accept(SYSTEM, fangsong.id, at('2026-03-02'));
	reviewCreditTown(SYSTEM, fangsong.id, 91, {
		accept: false,
		now: at('2026-03-18'),
		summary: '组织有力，信用融入社区治理做法可复制'
	});
	// 泗泾镇: named last year, kept its name at this year's review
	const sijing = await applyCreditTown(SYSTEM, 'sijing', { now: at('2025-04-20') });
	reviewCreditTown(SYSTEM, sijing.id, 86, { now: at('2025-05-20') });
	reviewCreditTown(SYSTEM, sijing.id, 88, {
		accept: false,
		now: at('2026-05-12'),
		summary: '年度复核通过'
	});
	// 九亭镇: accepted, the district has scored part of it
	const jiuting = await applyCreditTown(SYSTEM, 'jiuting', { now: at('2026-11-10') });
	creditTowns.accept(SYSTEM, jiuting.id, at('2026-11-16'));
	const std = standards.byId(jiuting.standardId)!;
	creditTowns.score(
		SYSTEM,
		jiuting.id,
		{ scores: scoresFor(std.items, 84).slice(0, 4), summary: '' },
		false,
		at('2026-11-20')
	);
	// 小昆山镇: failed, may apply again
	const xks = await applyCreditTown(SYSTEM, 'xiaokunshan', { now: at('2026-08-03') });
	reviewCreditTown(SYSTEM, xks.id, 68, {
		now: at('2026-09-10'),
		summary: '信用修复指导服务尚未建立，社区治理嵌入信用缺少实例'
	});
	return '信用街镇示范：已命名 2 个，创建中 1 个，未通过 1 个';
}
