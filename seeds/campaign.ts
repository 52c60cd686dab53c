/**
 * Campaign demo data: targets for the year, enterprises across the towns, commitments with some towns
 * ahead of the year's pace and some behind, a few credit reports and reported counts.
 */
import * as towns from '../src/lib/server/towns';
import * as campaign from '../src/lib/server/campaign';
import { importer } from '../src/lib/server/campaign';
import { SYSTEM } from '../src/lib/server/actor';
import { DEFAULT_COMMITMENT_TYPES, CHANNELS, REPORT_ITEMS } from '../src/lib/campaign';
import { todayISO } from '../src/lib/format';
import {
	fakeAgency,
	fakeDate,
	fakeEnterprise,
	fakeReportNo,
	rng
} from '../src/lib/server/testing/factories';
import type { Town } from '../src/lib/server/db/schema';

/** How far along each town is against the share of the year gone: some ahead, some behind. */
const FILL = [
	1.08, 0.97, 1.02, 0.62, 0.88, 0.45, 1.12, 0.93, 0.7, 0.55, 1.0, 0.8, 0.38, 0.66, 0.5, 0.9, 0.74,
	1.05, 0.6
];

/** Town shares of the district target, larger for the subdistricts and the development zone. */
function weights(n: number, slugs: string[]) {
	return slugs
		.slice(0, n)
		.map((s) => (s === 'jingkaiqu' ? 3 : s === 'jiuting' || s === 'sijing' ? 2 : 1));
}

function split(total: number, w: number[]): number[] {
	const sum = w.reduce((a, b) => a + b, 0);
	const parts = w.map((x) => Math.floor((total * x) / sum));
	let rest = total - parts.reduce((a, b) => a + b, 0);
	for (let i = 0; rest > 0; i = (i + 1) % parts.length, rest--) parts[i] += 1;
	return parts;
}

/** The district's default targets, shared out among the towns. */
export function targetsFor(list: Town[]): campaign.TargetsInput {
	const w = weights(
		list.length,
		list.map((t) => t.slug)
	);
	const c = split(campaign.DEFAULT_COMMITMENT_TARGET, w);
	const r = split(campaign.DEFAULT_REPORT_TARGET, w);
	return {
		commitmentTarget: campaign.DEFAULT_COMMITMENT_TARGET,
		reportTarget: campaign.DEFAULT_REPORT_TARGET,
		towns: list.map((t, i) => ({ townId: t.id, commitmentTarget: c[i], reportTarget: r[i] }))
	};
}

export function seedCampaignDemo(now = new Date()): string {
	const r = rng(2023);
	const today = todayISO(now);
	const year = campaign.currentYear(now);
	const share = campaign.shareOfYear(year, today);
	const list = towns.list();
	const targets = targetsFor(list);
	campaign.setTargets(SYSTEM, year, targets);
	const cTargets = targets.towns.map((t) => t.commitmentTarget);
	const rTargets = targets.towns.map((t) => t.reportTarget);

	const commitments: importer.CommitmentImportRow[] = [];
	const reports: importer.ReportImportRow[] = [];
	let n = 0;
	list.forEach((t, i) => {
		const fill = FILL[i % FILL.length];
		const committed = Math.round(cTargets[i] * share * fill);
		const issued = Math.round(rTargets[i] * share * fill);
		const enterprises = Math.round(committed * 1.15) + 5;
		for (let k = 0; k < enterprises; k++) {
			n += 1;
			const e = fakeEnterprise(n, r);
			const ref = { uscc: e.uscc, name: e.name, townId: t.id, townName: t.name };
			if (k < committed) {
				const base = {
					...ref,
					year,
					channel: CHANNELS[Math.floor(r() * 3)],
					link: null
				};
				commitments.push({
					...base,
					type: DEFAULT_COMMITMENT_TYPES[0],
					disclosedOn: fakeDate(year, today, r)
				});
				// Some enterprises publish a second commitment; they still count once.
				if (r() < 0.15)
					commitments.push({
						...base,
						type: DEFAULT_COMMITMENT_TYPES[1 + Math.floor(r() * 3)],
						disclosedOn: fakeDate(year, today, r)
					});
			}
			if (k < issued + 2) {
				const status = k < issued ? 'issued' : k === issued ? 'disclosed' : 'applied';
				const disclosedOn = status === 'applied' ? null : fakeDate(year, today, r);
				const issuedOn = status === 'issued' ? disclosedOn : null;
				reports.push({
					...ref,
					year,
					items: [REPORT_ITEMS[0], REPORT_ITEMS[1], REPORT_ITEMS[2 + Math.floor(r() * 5)]],
					disclosedOn,
					reportNo: status === 'issued' ? fakeReportNo(year, reports.length + 1) : null,
					agency: status === 'issued' ? fakeAgency(r) : null,
					issuedOn,
					status
				});
			}
		}
	});
	const c = importer.commitCommitments(SYSTEM, null, '演示数据', commitments, now);
	importer.commitReports(SYSTEM, null, '演示数据', reports, now);

	// A few enterprises withdrew their commitment.
	const some = campaign.listCommitments({ townIds: null, year, pageSize: 4 }).items;
	for (const x of some) campaign.setCommitmentStatus(SYSTEM, x.id, 'withdrawn', now);

	// Reported counts: one town agrees with its lists, one reports more than it has itemised.
	const p = campaign.progress(year, today);
	for (const [slug, extra] of [
		['yueyang', 0],
		['jiuting', 37]
	] as const) {
		const t = p.towns.find((x) => x.slug === slug);
		if (!t) continue;
		campaign.fileCount(
			SYSTEM,
			{
				townId: t.townId,
				year,
				asOf: today,
				commitments: t.commitments.count + extra,
				reports: t.reports.count,
				note: extra ? '含尚未录入系统的线下公示' : null
			},
			now
		);
	}
	return `企业 ${c.enterprisesCreated} 家、信用承诺 ${c.created} 条、信用报告 ${reports.length} 份`;
}
