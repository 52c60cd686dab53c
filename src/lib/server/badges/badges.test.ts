import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import sharp from 'sharp';
import QRCode from 'qrcode';
import { render } from 'svelte/server';
import * as badges from './badges';
import * as supervision from '../streets/supervision';
import * as audit from '../audit';
import * as settings from '../settings';
import * as campaign from '../campaign/campaign';
import * as enterprises from '../campaign/enterprises';
import { SYSTEM } from '../actor';
import { dataStamp, databasePath, openDatabase } from '../db';
import { badgeScan } from '../db/schema';
import { eq } from 'drizzle-orm';
import { makeUser, makeBadgedMerchant, inspectMerchant } from '../testing/factories';
import ScanPage from '../../../routes/b/[code]/+page.svelte';
import { load } from '../../../routes/b/[code]/+page.server';

async function decodePng(png: Buffer) {
	const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
	return jsQR(new Uint8ClampedArray(data), info.width, info.height);
}

/** The scan page as a consumer's phone gets it: the real load, then the server render. */
async function scanPage(code: string) {
	const data = await load({
		params: { code },
		request: new Request(`http://localhost/b/${code}`),
		setHeaders: () => {},
		cookies: { get: () => undefined },
		url: new URL(`http://127.0.0.1/B/${code}`)
	} as unknown as Parameters<typeof load>[0]);
	return render(ScanPage, {
		props: { data: { user: null, ...(data as object) }, form: null } as never
	}).body;
}

describe('badge QR', () => {
	it('decodes, from the PNG, to the scan URL of a real-length origin, at level M in the smallest version', async () => {
		const before = process.env.ORIGIN;
		process.env.ORIGIN = 'https://chengxin.songjiang.gov.cn';
		try {
			const { code } = await makeBadgedMerchant(SYSTEM);
			expect(code.url).toBe(`https://chengxin.songjiang.gov.cn/B/${code.code}`);
			const decoded = await decodePng(code.qrPng);
			expect(decoded?.data).toBe(code.url);
			expect(decoded?.version).toBe(code.qrVersion);
			// No QR version smaller than the one drawn holds this URL at level M.
			for (let v = 1; v < code.qrVersion; v++)
				expect(() =>
					QRCode.create(badges.qrSegments(code.url), { errorCorrectionLevel: 'M', version: v })
				).toThrow();
			expect(
				QRCode.create(code.url.toLowerCase(), { errorCorrectionLevel: 'M' }).version
			).toBeGreaterThanOrEqual(code.qrVersion);
			expect(code.qrSvg).toMatch(/^<svg/);
		} finally {
			process.env.ORIGIN = before;
		}
	});

	it('is drawn once and kept; a reprint voids the old code', async () => {
		const officer = await makeUser('town_officer', ['yueyang']);
		const { badge, code } = await makeBadgedMerchant(officer);
		const again = await badges.ensureCode(badge);
		expect(again.issuedAt).toEqual(code.issuedAt);
		expect(Buffer.compare(again.qrPng, code.qrPng)).toBe(0);

		const next = await badges.reissue(officer, badge.id);
		expect(next.generation).toBe(1);
		expect(next.code).not.toBe(code.code);
		const old = badges.lookup(code.code);
		expect(old.kind === 'badge' && old.code).toBe('voided');
		expect(badges.isStale(old)).toBe(true);
		const cur = badges.lookup(next.code);
		expect(cur.kind === 'badge' && cur.code).toBe('current');
		const oldPage = await scanPage(code.code);
		expect(oldPage).toContain('此二维码已作废');
		expect(oldPage).not.toContain('牌匾有效');
		expect(await scanPage(next.code)).toContain('牌匾有效');
		const log = audit.list({ entityType: 'badge', q: 'badge.code.reissue' });
		expect(log.items.some((e) => e.entityId === String(badge.id))).toBe(true);
	});

	it('keeps its secret with the data across restarts', () => {
		const first = badges.secret();
		badges.resetSecretCache();
		expect(Buffer.from(badges.secret())).toEqual(Buffer.from(first));
		expect(settings.get('badges.secret')).toBeTruthy();
	});
});

describe('scan page', () => {
	it('shows 已撤销 and 已过期 in red, never the old level', async () => {
		const officer = await makeUser('town_officer', ['yueyang']);
		const rev = await makeBadgedMerchant(officer, 'yueyang', 95);
		supervision.record(officer, rev.merchant.id, { kind: 'veto', publicNote: '篡改计量器具' });
		const exp = await makeBadgedMerchant(officer, 'yueyang', 95);
		supervision.expireDue(SYSTEM, new Date(Date.now() + 400 * 86_400_000));

		const r = await scanPage(rev.code.code);
		expect(r).toContain('已撤销');
		expect(r).toContain('篡改计量器具');
		expect(r).toContain('verdict void');
		expect(r).not.toContain('诚信经营模范商户');
		const e = await scanPage(exp.code.code);
		expect(e).toContain('已过期');
		expect(e).toContain('verdict void');
		expect(e).not.toContain('诚信经营模范商户');
		expect(e).toContain(exp.merchant.name);
	});

	it('shows 有效, 已降级, 已暂停 and the level only while valid', async () => {
		const officer = await makeUser('town_officer', ['yueyang']);
		const model = await makeBadgedMerchant(officer, 'yueyang', 95);
		const honest = await makeBadgedMerchant(officer, 'yueyang', 80);
		const down = await makeBadgedMerchant(officer, 'yueyang', 92);
		supervision.record(officer, down.merchant.id, { kind: 'complaint', points: -5 });
		const susp = await makeBadgedMerchant(officer, 'yueyang', 80);
		supervision.record(officer, susp.merchant.id, { kind: 'penalty', points: -10 });

		const m = await scanPage(model.code.code);
		expect(m).toContain('诚信经营模范商户');
		expect(m).toContain('牌匾有效');
		expect(m).toContain('verdict model');
		expect(m).toContain(model.merchant.name);
		expect(m).toContain(`/merchants/${model.merchant.id}`);
		expect(m).toContain(`/map?merchant=${model.merchant.id}`);

		const h = await scanPage(honest.code.code);
		expect(h).toContain('verdict honest');
		expect(h).toContain('诚信经营商户');

		const d = await scanPage(down.code.code);
		expect(d).toContain('已降级');
		expect(d).toContain('verdict void');
		expect(d).not.toContain('诚信经营模范商户');

		const s = await scanPage(susp.code.code);
		expect(s).toContain('已暂停');
		expect(s).toContain('verdict void');
	});

	it('shows the credit commitments the merchant has published', async () => {
		const officer = await makeUser('town_officer', ['yueyang']);
		const b = await makeBadgedMerchant(officer, 'yueyang', 93);
		expect(await scanPage(b.code.code)).toContain('暂未查到信用承诺公示记录');
		const e = enterprises.create(officer, {
			uscc: b.merchant.uscc,
			name: b.merchant.name,
			townId: b.merchant.townId
		});
		campaign.addCommitment(officer, {
			enterpriseId: e.id,
			year: 2026,
			type: '诚信经营承诺',
			disclosedOn: '2026-03-15',
			channel: '现场公示',
			link: null
		});
		expect(await scanPage(b.code.code)).toContain('2026 年诚信经营承诺（2026-03-15 公示）');
	});

	it('says 无效二维码 for forged, unknown and malformed codes, without a 500', async () => {
		const { code } = await makeBadgedMerchant(SYSTEM);
		const tampered = code.code.slice(0, -2) + (code.code.endsWith('AA') ? 'BA' : 'AA');
		for (const raw of [
			tampered,
			'AAAAAAAAAAAAAAAAAAAAAAA',
			'hello',
			'x'.repeat(500),
			'%E4%B8%AD'
		]) {
			const html = await scanPage(raw);
			expect(html).toContain('无效二维码，请勿相信此标识');
			expect(html).toContain('举报假冒标识');
		}
	});

	it('is small: under 30 KB of HTML', async () => {
		const { code } = await makeBadgedMerchant(SYSTEM);
		const html = await scanPage(code.code);
		expect(Buffer.byteLength(html)).toBeLessThan(30_000);
	});
});

describe('scan counts', () => {
	it('count per badge per day and flag revoked plaques still scanned to their town only', async () => {
		const officer = await makeUser('town_officer', ['yongfeng']);
		const other = await makeUser('town_officer', ['sheshan']);
		const { merchant, badge, code } = await makeBadgedMerchant(officer, 'yongfeng', 95);
		await scanPage(code.code);
		await scanPage(code.code);
		supervision.record(officer, merchant.id, { kind: 'veto', publicNote: '篡改计量器具' });
		await scanPage(code.code);
		const counts = badges.scanCounts(merchant.id);
		expect(counts).toHaveLength(1);
		expect(counts[0]).toMatchObject({ serial: badge.serial, scans: 3, staleScans: 1 });
		const flagged = badges.flaggedScans(officer.townIds);
		expect(flagged.map((f) => f.serial)).toContain(badge.serial);
		expect(badges.flaggedScans(other.townIds).map((f) => f.serial)).not.toContain(badge.serial);
	});

	it('writes each scan at once, for every process on the database, without moving the content version', async () => {
		const { badge, code } = await makeBadgedMerchant(SYSTEM);
		const version = dataStamp();
		await scanPage(code.code);
		await scanPage(code.code);
		// Another connection stands for another worker, or the server after a crash: no flush.
		const other = openDatabase(databasePath());
		try {
			const row = other.select().from(badgeScan).where(eq(badgeScan.badgeId, badge.id)).get();
			expect(row).toMatchObject({ scans: 2, staleScans: 0 });
			badges.countScan(badge.id, true);
			const again = other.select().from(badgeScan).where(eq(badgeScan.badgeId, badge.id)).get();
			expect(again).toMatchObject({ scans: 3, staleScans: 1 });
		} finally {
			other.$client.close();
		}
		expect(dataStamp()).toBe(version);
	});

	it('does not count a code that does not verify', async () => {
		const { merchant, code } = await makeBadgedMerchant(SYSTEM);
		const tampered =
			code.code.slice(0, 10) + (code.code[10] === 'A' ? 'B' : 'A') + code.code.slice(11);
		await scanPage(tampered);
		expect(badges.scanCounts(merchant.id)).toHaveLength(0);
	});
});

describe('re-inspection', () => {
	it('voids the old badge when a new one is granted', async () => {
		const { merchant, code } = await makeBadgedMerchant(SYSTEM, 'yueyang', 95);
		inspectMerchant(SYSTEM, merchant.id, 96);
		const r = badges.lookup(code.code);
		expect(r.kind === 'badge' && (r.superseded || r.state === 'expired')).toBe(true);
		expect(await scanPage(code.code)).not.toContain('牌匾有效');
	});
});
