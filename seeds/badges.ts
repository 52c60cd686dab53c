/**
 * Badges: a code and QR for every badge, and demo scans and consumer feedback, including one
 * verified complaint (which deducts the merchant's points through supervision) with the
 * merchant's reply.
 */
import { eq } from 'drizzle-orm';
import { db } from '../src/lib/server/db';
import { badge, merchant } from '../src/lib/server/db/schema';
import * as badges from '../src/lib/server/badges';
import * as feedback from '../src/lib/server/feedback';
import { SYSTEM, type Actor } from '../src/lib/server/actor';
import { todayISO } from '../src/lib/format';
import { feedbackInput } from '../src/lib/server/testing/factories';
import type { FeedbackCategory } from '../src/lib/feedback';

/**
 * At every start: the badge secret is read (and generated and kept the first time), so that a
 * BADGE_SECRET that is too short stops the start instead of every scan.
 */
export function seedBadgesReference() {
	badges.resetSecretCache();
	badges.secret();
}

const DEMO_FEEDBACK: [FeedbackCategory, string, string][] = [
	['weight', '买了 2 斤草莓，回家复称只有 1 斤 6 两，电子秤可能有问题。', '13916001234'],
	['price', '价签写 12 元一斤，结账按 15 元一斤收费，店员说价签没换。', ''],
	['service', '店员态度很差，问价格不理人。', '13661234567'],
	['quality', '买的糕点已经过了保质期，包装上日期被贴纸盖住了。', '13501239876'],
	['advertising', '门口写“全场五折”，进店后说只有两样东西打折。', '']
];

export async function seedBadgesDemo(actor: Actor = SYSTEM, now = new Date()): Promise<string> {
	const all = db.select().from(badge).orderBy(badge.id).all();
	for (const b of all) await badges.ensureCode(b, actor);
	const day = 86_400_000;
	const today = todayISO(now);
	// Scans over the last two weeks; revoked and expired plaques still scanned now and then.
	all.forEach((b, i) => {
		for (let d = 0; d < 14; d++) {
			const n = (i * 7 + d * 3) % 6;
			const stale = b.state === 'revoked' || b.state === 'expired';
			const dayIso = badges.shiftDay(today, -d);
			for (let k = 0; k < n; k++) badges.countScan(b.id, stale && (d + k) % 2 === 0, dayIso);
		}
	});
	const current = db
		.select({ id: merchant.id })
		.from(merchant)
		.innerJoin(badge, eq(badge.id, merchant.currentBadgeId))
		.where(eq(badge.state, 'valid'))
		.orderBy(merchant.id)
		.all();
	const made: number[] = [];
	DEMO_FEEDBACK.forEach(([category, body, phone], i) => {
		const m = current[(i * 3) % Math.max(1, current.length)];
		if (!m) return;
		const at = new Date(now.getTime() - (i === 0 ? 10 : i + 1) * day);
		const source = i % 2 ? 'merchant_page' : 'scan';
		const f = feedback.submit(
			`demo-${i}`,
			feedbackInput(m.id, { source, category, body, phone }),
			at
		);
		if (f) made.push(f.id);
	});
	if (made[1]) {
		feedback.decide(actor, made[1], {
			status: 'verified',
			note: '到店核实，价签未及时更换属实，已责令当场改正并退还差价。'
		});
		feedback.reply(
			actor,
			made[1],
			'价签是换季时忘了更新，已经全部重新核对，差价已退给顾客，向顾客道歉。'
		);
	}
	if (made[2])
		feedback.decide(actor, made[2], {
			status: 'mediated',
			note: '与店主沟通，店主当面致歉，消费者表示接受。'
		});
	return `牌匾二维码 ${all.length} 个、消费者反馈 ${made.length} 条`;
}
