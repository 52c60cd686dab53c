/**
 * Design-scale data for the bench, written in bulk: the one place that writes domain tables
 * without the domain functions. Through them, 5,000 inspected merchants take well over a minute
 * (about 15 ms each: a transaction per write, each statement prepared anew) and 200,000
 * enterprises far longer; here they take seconds. The rows are the ones the domain writes for
 * the same plan — a submitted inspection, its archive entry, a badge for a passing score, the
 * merchant's score and level — without per-item scores or audit entries.
 */
import { and, eq, max, sql } from 'drizzle-orm';
import { db } from '../src/lib/server/db';
import { archiveEntry, badge, inspection, merchant, street } from '../src/lib/server/db/schema';
import * as towns from '../src/lib/server/towns';
import * as campaign from '../src/lib/server/campaign';
import { standards, supervision } from '../src/lib/server/streets';
import { SYSTEM } from '../src/lib/server/actor';
import { todayISO } from '../src/lib/format';
import { LEVEL_LABEL } from '../src/lib/streets';
import { formatSerial, levelFor, validUntilFor } from '../src/lib/server/streets/badge-state';
import { CHANNELS, DEFAULT_COMMITMENT_TYPES } from '../src/lib/campaign';
import {
	COMMENDATION,
	fakeDate,
	fakeEnterprise,
	lastMerchantNumber,
	planStreets,
	rng,
	type FillOptions,
	type StreetFill
} from '../src/lib/server/testing/factories';
import { targetsFor } from './campaign';

/** Rows in chunks, so that one statement stays within SQLite's limit on bound values. */
function chunks<T>(rows: T[], size = 400): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
	return out;
}

/** The plan of `fillStreets`, written in one transaction, a statement per table and street. */
export function bulkStreets(opts: FillOptions = {}): StreetFill[] {
	const now = opts.now ?? new Date();
	const t = supervision.thresholds();
	const std = standards.current('merchant');
	if (!std) throw new Error('尚未发布商户评价标准');
	return db.transaction((tx) => {
		const seqs = new Map<number, number>();
		const nextSeq = (year: number) => {
			const last =
				seqs.get(year) ??
				tx
					.select({ s: max(badge.seq) })
					.from(badge)
					.where(eq(badge.year, year))
					.get()?.s ??
				0;
			seqs.set(year, last + 1);
			return last + 1;
		};
		return planStreets(opts, lastMerchantNumber()).map((plan) => {
			const clash = tx
				.select({ id: street.id })
				.from(street)
				.where(and(eq(street.townId, plan.street.townId), eq(street.name, plan.street.name)))
				.get();
			if (clash)
				throw new Error(
					`${towns.byId(plan.street.townId)?.name}已有示范街「${plan.street.name}」，未写入任何数据`
				);
			const s = tx
				.insert(street)
				.values({ ...plan.street, createdAt: now, updatedAt: now })
				.returning({ id: street.id, townId: street.townId })
				.get();
			const rated = plan.merchants.map((p) => {
				const on = p.inspectedAt && todayISO(p.inspectedAt);
				const level = p.score == null ? 'none' : levelFor(p.score, 0, t);
				return { ...p, on, level };
			});
			const ids = new Map<string, number>();
			for (const part of chunks(rated))
				for (const m of tx
					.insert(merchant)
					.values(
						part.map((p) => ({
							...p.input,
							streetId: s.id,
							townId: s.townId,
							score: p.score,
							level: p.level,
							lastInspectedOn: p.on,
							createdAt: now,
							updatedAt: now
						}))
					)
					.returning({ id: merchant.id, uscc: merchant.uscc })
					.all())
					ids.set(m.uscc, m.id);
			const inspected = rated.filter((p) => p.score != null && p.inspectedAt && p.on);
			const entries: (typeof archiveEntry.$inferInsert)[] = [];
			for (const part of chunks(inspected)) {
				const rows = tx
					.insert(inspection)
					.values(
						part.map((p) => ({
							kind: 'merchant' as const,
							merchantId: ids.get(p.input.uscc)!,
							streetId: s.id,
							townId: s.townId,
							standardId: std.id,
							inspectedOn: p.on!,
							status: 'submitted' as const,
							total: p.score,
							result: p.level,
							createdAt: p.inspectedAt!,
							submittedAt: p.inspectedAt
						}))
					)
					.returning({ id: inspection.id, merchantId: inspection.merchantId })
					.all();
				const insOf = new Map(rows.map((r) => [r.merchantId!, r.id]));
				const badges = part
					.filter((p) => p.level !== 'none')
					.map((p) => {
						const year = Number(p.on!.slice(0, 4));
						const seq = nextSeq(year);
						const merchantId = ids.get(p.input.uscc)!;
						return {
							merchantId,
							level: p.level as 'model' | 'honest',
							state: 'valid' as const,
							grantedAt: p.inspectedAt!,
							validUntil: validUntilFor(p.on!),
							serial: formatSerial(year, seq),
							year,
							seq,
							inspectionId: insOf.get(merchantId)!,
							stateReason: '',
							stateChangedAt: p.inspectedAt!
						};
					});
				const granted = badges.length ? tx.insert(badge).values(badges).returning().all() : [];
				const badgeOf = new Map(granted.map((b) => [b.merchantId, b]));
				for (const p of part) {
					const merchantId = ids.get(p.input.uscc)!;
					const entry = {
						merchantId,
						townId: s.townId,
						inspectionId: insOf.get(merchantId)!,
						points: 0,
						scoreAfter: p.score,
						levelAfter: p.level,
						occurredAt: p.inspectedAt!,
						createdAt: p.inspectedAt!
					};
					entries.push({
						...entry,
						kind: 'inspection',
						title: `检查评审 ${p.score} 分，评定为${LEVEL_LABEL[p.level]}`,
						publicNote: `检查日期 ${p.on}`
					});
					const b = badgeOf.get(merchantId);
					if (b)
						entries.push({
							...entry,
							kind: 'badge_granted',
							title: `授予${LEVEL_LABEL[p.level]}牌匾 ${b.serial}`,
							publicNote: `有效期至 ${b.validUntil}`,
							badgeId: b.id
						});
					if (p.commendedAt)
						entries.push({
							...entry,
							...COMMENDATION,
							occurredAt: p.commendedAt,
							createdAt: p.commendedAt
						});
				}
			}
			for (const part of chunks(entries, 200)) tx.insert(archiveEntry).values(part).run();
			// Each merchant's latest inspection and its badge, in one statement for the street.
			tx.update(merchant)
				.set({
					lastInspectionId: sql`(SELECT max(${inspection.id}) FROM ${inspection} WHERE ${inspection.merchantId} = ${merchant.id})`,
					currentBadgeId: sql`(SELECT max(${badge.id}) FROM ${badge} WHERE ${badge.merchantId} = ${merchant.id})`
				})
				.where(eq(merchant.streetId, s.id))
				.run();
			return { streetId: s.id, townId: s.townId, merchants: plan.merchants.length };
		});
	});
}

/** The design-scale campaign: enterprises and commitments added to what is there. */
export function generateScale(opts: {
	enterprises: number;
	commitments: number;
	year: number;
	now?: Date;
}) {
	const r = rng(7);
	const now = opts.now ?? new Date();
	const today = todayISO(now);
	const until = opts.year < campaign.currentYear(now) ? `${opts.year}-12-31` : today;
	const list = towns.list();
	const client = db.$client;
	const start = Number(
		(client.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM enterprise').get() as { n: number }).n
	);
	const insertE = client.prepare(
		'INSERT OR IGNORE INTO enterprise (uscc, name, town_id, address, industry, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
	);
	const insertC = client.prepare(
		`INSERT OR IGNORE INTO commitment (enterprise_id, year, type, disclosed_on, channel, status, created_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?)`
	);
	const at = now.getTime();
	const result = { enterprises: 0, commitments: 0 };
	client.transaction(() => {
		client
			.prepare('INSERT INTO campaign_year (year) VALUES (?) ON CONFLICT DO NOTHING')
			.run(opts.year);
		const ids: number[] = [];
		for (let i = 0; i < opts.enterprises; i++) {
			const e = fakeEnterprise(start + i + 1_000_000, r);
			// Towns differ in size: a skewed pick gives some towns many more enterprises.
			const t = list[Math.floor(Math.pow(r(), 1.4) * list.length)];
			const res = insertE.run(e.uscc, e.name, t.id, e.address, e.industry, at, at);
			if (res.changes) {
				ids.push(Number(res.lastInsertRowid));
				result.enterprises += 1;
			}
		}
		for (let i = 0; i < opts.commitments && ids.length; i++) {
			const id = ids[Math.floor(r() * ids.length)];
			const res = insertC.run(
				id,
				opts.year,
				DEFAULT_COMMITMENT_TYPES[Math.floor(r() * DEFAULT_COMMITMENT_TYPES.length)],
				fakeDate(opts.year, until, r),
				CHANNELS[Math.floor(r() * CHANNELS.length)],
				r() < 0.02 ? 'withdrawn' : 'published',
				at
			);
			result.commitments += res.changes;
		}
	})();
	campaign.setTargets(SYSTEM, opts.year, targetsFor(towns.list()));
	return result;
}
