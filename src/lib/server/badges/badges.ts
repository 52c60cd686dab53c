/**
 * QR badges: the server secret, each badge's code and its QR (drawn once and kept), reprints that
 * void the old code, what a scan shows, scan counts per day, the flags raised when a revoked or
 * expired plaque is still being scanned, and the plaques to print. Whether a badge is valid, and
 * when it may be reprinted or revoked, is the streets' rule (`streets.badgeState`).
 */
import { originWarning } from './origin-check';
import { and, asc, desc, eq, gt, gte, inArray, sql, type SQL } from 'drizzle-orm';
import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
import { db, preparedOnce, type DB, type Tx } from '../db';
import {
	badge,
	badgeCode,
	badgeScan,
	instrument,
	merchant,
	street,
	town,
	type Badge,
	type BadgeCode,
	type BadgeState
} from '../db/schema';
import { townIn } from '../access';
import { DomainError } from '../forms';
import { badgeState } from '../streets';
import { BADGE_STATE_LABEL } from '../../streets';
import type { NotPrinted, Plaque } from '../../badges';
import * as audit from '../audit';
import * as settings from '../settings';
import { SYSTEM, type Actor } from '../actor';
import { makeCode, parseCode, verify } from './code';
import { todayISO } from '../../format';

const SECRET_KEY = 'badges.secret';
let cachedSecret: Uint8Array | undefined;

/**
 * BADGE_SECRET from the environment, or one generated on first use and kept in the settings
 * table beside the data, so that printed badges stay valid across restarts. Never logged.
 */
export { originWarning };

export function secret(): Uint8Array {
	if (cachedSecret) return cachedSecret;
	const env = process.env.BADGE_SECRET;
	if (env) {
		if (env.length < 32) throw new Error('BADGE_SECRET 太短：至少 32 个字符');
		cachedSecret = new TextEncoder().encode(env);
	} else {
		const stored = settings.getOrCreate(SECRET_KEY, () => randomBytes(32).toString('base64'));
		cachedSecret = new Uint8Array(Buffer.from(stored, 'base64'));
	}
	return cachedSecret;
}

/** Forgets the cached secret (tests switch databases and secrets). */
export function resetSecretCache() {
	cachedSecret = undefined;
}

export function origin(): string {
	return (process.env.ORIGIN ?? 'http://localhost:3000').replace(/\/+$/, '');
}

/** A red warning for print pages and the start-up log when plaques would not open on phones. */
export function printWarning(): string | null {
	return originWarning(origin());
}

/** The URL a badge's QR holds: the origin as typed, then `/B/CODE`, all QR alphanumeric. */
export function scanUrl(code: string, base = origin()): string {
	return `${base}/B/${code}`;
}

/**
 * The QR segments for a scan URL: the origin in byte mode (it is lower case), the uppercase path
 * in alphanumeric mode, which takes 5.5 bits a character instead of 8.
 */
export function qrSegments(url: string): QRCode.QRCodeSegment[] {
	const at = url.lastIndexOf('/B/');
	const head = url.slice(0, at);
	const tail = url.slice(at);
	if (at < 0 || !/^[0-9A-Z $%*+\-./:]+$/.test(tail))
		return [{ data: new TextEncoder().encode(url), mode: 'byte' }];
	if (/^[0-9A-Z $%*+\-./:]*$/.test(head)) return [{ data: url, mode: 'alphanumeric' }];
	return [
		{ data: new TextEncoder().encode(head), mode: 'byte' },
		{ data: tail, mode: 'alphanumeric' }
	];
}

export const QR_ERROR_CORRECTION = 'M' as const;

export async function drawQr(url: string) {
	const segments = qrSegments(url);
	const opts = { errorCorrectionLevel: QR_ERROR_CORRECTION, margin: 4 };
	const { version } = QRCode.create(segments, opts);
	const png = await QRCode.toBuffer(segments, { ...opts, type: 'png', scale: 12 });
	const svg = await QRCode.toString(segments, { ...opts, type: 'svg' });
	return { version, png, svg };
}

function codeRow(badgeId: number, tx: Tx | typeof db = db): BadgeCode | undefined {
	return tx.select().from(badgeCode).where(eq(badgeCode.badgeId, badgeId)).get();
}

async function writeCode(actor: Actor, b: Badge, generation: number, reason: string) {
	const code = makeCode(secret(), b.id, generation);
	const url = scanUrl(code);
	const qr = await drawQr(url);
	const now = new Date();
	return db.transaction((tx) => {
		const before = codeRow(b.id, tx);
		// Someone else drew this generation meanwhile: keep theirs.
		if (before && before.generation === generation && before.url === url) return before;
		if (before && before.generation > generation) return before;
		const values = {
			badgeId: b.id,
			generation,
			code,
			url,
			qrPng: qr.png,
			qrSvg: qr.svg,
			qrVersion: qr.version,
			issuedAt: now,
			issuedBy: actor.id
		};
		const row = tx
			.insert(badgeCode)
			.values(values)
			.onConflictDoUpdate({ target: badgeCode.badgeId, set: values })
			.returning()
			.get();
		const m = tx
			.select({ townId: merchant.townId })
			.from(merchant)
			.where(eq(merchant.id, b.merchantId))
			.get();
		audit.record(tx, actor, {
			action: reason,
			entityType: 'badge',
			entityId: b.id,
			townId: m?.townId,
			before: before && { generation: before.generation, url: before.url },
			after: { serial: b.serial, generation, url }
		});
		return row;
	});
}

/**
 * The badge's code and QR, drawn the first time they are needed and kept; drawn again (same
 * code) only when ORIGIN has changed since.
 */
export async function ensureCode(b: Badge, actor: Actor = SYSTEM): Promise<BadgeCode> {
	const row = codeRow(b.id);
	if (row && row.url === scanUrl(row.code)) return row;
	return writeCode(actor, b, row?.generation ?? 0, row ? 'badge.code.redraw' : 'badge.code.issue');
}

type CodeSummary = Pick<BadgeCode, 'badgeId' | 'code' | 'url' | 'qrSvg'>;

/** Codes for many badges at once (a street's plaques): only the missing ones are drawn. */
export async function ensureCodes(badges: Badge[], actor: Actor = SYSTEM) {
	const out = new Map<number, CodeSummary>();
	if (!badges.length) return out;
	const rows = db
		.select({
			badgeId: badgeCode.badgeId,
			code: badgeCode.code,
			url: badgeCode.url,
			qrSvg: badgeCode.qrSvg
		})
		.from(badgeCode)
		.where(
			inArray(
				badgeCode.badgeId,
				badges.map((b) => b.id)
			)
		)
		.all();
	for (const r of rows) out.set(r.badgeId, r);
	for (const b of badges) {
		const r = out.get(b.id);
		if (!r || r.url !== scanUrl(r.code)) out.set(b.id, await ensureCode(b, actor));
	}
	return out;
}

/** Reprints a badge: a new generation of its code, so every plaque printed before reads 作废. */
export async function reissue(actor: Actor, badgeId: number): Promise<BadgeCode> {
	const b = db.select().from(badge).where(eq(badge.id, badgeId)).get();
	if (!b) throw new DomainError('_', '牌匾不存在');
	const refusal = badgeState.reprintRefusal(b);
	if (refusal) throw new DomainError('_', refusal);
	const row = codeRow(b.id);
	return writeCode(actor, b, (row?.generation ?? -1) + 1, 'badge.code.reissue');
}

export function byId(id: number, tx: Tx | typeof db = db): Badge | undefined {
	return tx.select().from(badge).where(eq(badge.id, id)).get();
}

export function bySerial(serial: string): Badge | undefined {
	return db.select().from(badge).where(eq(badge.serial, serial)).get();
}

export function codeOf(badgeId: number): BadgeCode | undefined {
	return codeRow(badgeId);
}

/** The town a badge belongs to (its merchant's), for access checks. */
export function townOf(b: Badge): number | undefined {
	return db
		.select({ townId: merchant.townId })
		.from(merchant)
		.where(eq(merchant.id, b.merchantId))
		.get()?.townId;
}

export const stateToday = badgeState.stateToday;

export type ScanResult =
	| { kind: 'invalid' }
	| {
			kind: 'badge';
			/** `voided`: a code from before a reprint. */
			code: 'current' | 'voided';
			state: BadgeState;
			/** The badge is no longer the merchant's current one. */
			superseded: boolean;
			badge: Pick<
				Badge,
				'id' | 'serial' | 'level' | 'state' | 'validUntil' | 'stateReason' | 'grantedAt'
			>;
			merchant: {
				id: number;
				name: string;
				address: string;
				uscc: string;
				photoKey: string | null;
				category: string;
				tradingStatus: string;
				lastInspectedOn: string | null;
				townId: number;
			};
			street: { id: number; name: string; convention: string };
			townName: string;
			instruments: { total: number; overdue: number; nextDue: string | null };
	  };

function lookupQuery(target: DB) {
	const inst = (cond: SQL) =>
		sql`(select ${cond} from ${instrument} where ${instrument.merchantId} = ${merchant.id} and ${instrument.retired} = 0)`;
	return target
		.select({
			generation: badgeCode.generation,
			b: {
				id: badge.id,
				serial: badge.serial,
				level: badge.level,
				state: badge.state,
				validUntil: badge.validUntil,
				stateReason: badge.stateReason,
				grantedAt: badge.grantedAt
			},
			m: {
				id: merchant.id,
				name: merchant.name,
				address: merchant.address,
				uscc: merchant.uscc,
				photoKey: merchant.photoKey,
				category: merchant.category,
				tradingStatus: merchant.tradingStatus,
				lastInspectedOn: merchant.lastInspectedOn,
				townId: merchant.townId,
				currentBadgeId: merchant.currentBadgeId
			},
			s: { id: street.id, name: street.name, convention: street.convention },
			townName: town.name,
			instruments: {
				total: sql<number>`${inst(sql`count(*)`)}`.mapWith(Number),
				overdue: sql<number>`${inst(
					sql`coalesce(sum(case when ${instrument.nextDueOn} < ${sql.placeholder('today')} then 1 else 0 end), 0)`
				)}`.mapWith(Number),
				nextDue: sql<string | null>`${inst(sql`min(${instrument.nextDueOn})`)}`
			}
		})
		.from(badgeCode)
		.innerJoin(badge, eq(badge.id, badgeCode.badgeId))
		.innerJoin(merchant, eq(merchant.id, badge.merchantId))
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.where(eq(badgeCode.badgeId, sql.placeholder('id')))
		.prepare();
}

/** The scan is the hottest query: prepared once per database connection. */
const scanLookup = preparedOnce(lookupQuery);

/** What a scanned code shows. Never throws for any input. */
export function lookup(raw: string, today = todayISO()): ScanResult {
	const parsed = parseCode(raw);
	if (!parsed) return { kind: 'invalid' };
	const row = scanLookup().get({ id: parsed.badgeId, today });
	if (!row) return { kind: 'invalid' };
	const which = verify(secret(), parsed, row.generation);
	if (which === 'invalid') return { kind: 'invalid' };
	const { currentBadgeId, ...m } = row.m;
	return {
		kind: 'badge',
		code: which,
		state: stateToday(row.b, today),
		superseded: currentBadgeId !== row.b.id,
		badge: row.b,
		merchant: m,
		street: row.s,
		townName: row.townName,
		instruments: row.instruments
	};
}

/** Whether a scan should be flagged to the town: the plaque on display no longer holds. */
export function isStale(r: ScanResult): boolean {
	return (
		r.kind === 'badge' &&
		(r.code === 'voided' || r.superseded || r.state === 'revoked' || r.state === 'expired')
	);
}

function scanUpsert(target: DB) {
	return target
		.insert(badgeScan)
		.values({
			badgeId: sql.placeholder('badgeId'),
			day: sql.placeholder('day'),
			scans: 1,
			staleScans: sql.placeholder('stale')
		})
		.onConflictDoUpdate({
			target: [badgeScan.badgeId, badgeScan.day],
			set: {
				scans: sql`${badgeScan.scans} + 1`,
				staleScans: sql`${badgeScan.staleScans} + excluded.stale_scans`
			}
		})
		.prepare();
}

const upsertScan = preparedOnce(scanUpsert);

/**
 * Counts one scan; no personal data is kept. One prepared upsert per scan, so every worker adds
 * to the same row and a crash loses nothing; `badge_scan` is state, not content, so the caches
 * keyed on the content version survive scans.
 */
export function countScan(badgeId: number, stale: boolean, day = todayISO()) {
	upsertScan().run({ badgeId, day, stale: stale ? 1 : 0 });
}

/** Scans per day for a merchant's badges over the last `days` days, newest first. */
export function scanCounts(merchantId: number, days = 30, today = todayISO()) {
	const from = shiftDay(today, -(days - 1));
	return db
		.select({
			day: badgeScan.day,
			serial: badge.serial,
			badgeId: badge.id,
			scans: badgeScan.scans,
			staleScans: badgeScan.staleScans
		})
		.from(badgeScan)
		.innerJoin(badge, eq(badge.id, badgeScan.badgeId))
		.where(and(eq(badge.merchantId, merchantId), gte(badgeScan.day, from)))
		.orderBy(desc(badgeScan.day), asc(badge.serial))
		.all();
}

export function scanTotals(merchantId: number) {
	return db
		.select({
			badgeId: badge.id,
			serial: badge.serial,
			scans: sql<number>`coalesce(sum(${badgeScan.scans}), 0)`,
			staleScans: sql<number>`coalesce(sum(${badgeScan.staleScans}), 0)`,
			lastDay: sql<string | null>`max(${badgeScan.day})`
		})
		.from(badge)
		.leftJoin(badgeScan, eq(badgeScan.badgeId, badge.id))
		.where(eq(badge.merchantId, merchantId))
		.groupBy(badge.id)
		.orderBy(desc(badge.id))
		.all();
}

export function shiftDay(day: string, delta: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + delta);
	return d.toISOString().slice(0, 10);
}

export type FlagFilter = { townId?: number; limit?: number; offset?: number };

function flaggedWhere(scope: number[] | null, f: FlagFilter, days: number, today: string) {
	return and(
		gt(badgeScan.staleScans, 0),
		gte(badgeScan.day, shiftDay(today, -days)),
		townIn(merchant.townId, scope),
		f.townId ? eq(merchant.townId, f.townId) : undefined
	);
}

/**
 * Badges scanned while revoked, expired or voided within the last `days` days, for the towns in
 * `scope` (null = all): the plaque is still on display and should come down.
 */
export function flaggedScans(
	scope: number[] | null,
	f: FlagFilter = {},
	days = 90,
	today = todayISO()
) {
	return db
		.select({
			badgeId: badge.id,
			serial: badge.serial,
			level: badge.level,
			state: badge.state,
			validUntil: badge.validUntil,
			stateReason: badge.stateReason,
			merchantId: merchant.id,
			merchantName: merchant.name,
			address: merchant.address,
			streetName: street.name,
			townName: town.name,
			staleScans: sql<number>`sum(${badgeScan.staleScans})`,
			days: sql<number>`count(*)`,
			lastDay: sql<string>`max(${badgeScan.day})`
		})
		.from(badgeScan)
		.innerJoin(badge, eq(badge.id, badgeScan.badgeId))
		.innerJoin(merchant, eq(merchant.id, badge.merchantId))
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.where(flaggedWhere(scope, f, days, today))
		.groupBy(badge.id)
		.orderBy(desc(sql`max(${badgeScan.day})`), desc(sql`sum(${badgeScan.staleScans})`))
		.limit(f.limit ?? 500)
		.offset(f.offset ?? 0)
		.all();
}

/** How many badges `flaggedScans` lists in all. */
export function flaggedCount(
	scope: number[] | null,
	f: FlagFilter = {},
	days = 90,
	today = todayISO()
): number {
	return (
		db
			.select({ n: sql<number>`count(distinct ${badgeScan.badgeId})` })
			.from(badgeScan)
			.innerJoin(badge, eq(badge.id, badgeScan.badgeId))
			.innerJoin(merchant, eq(merchant.id, badge.merchantId))
			.where(flaggedWhere(scope, f, days, today))
			.get()?.n ?? 0
	);
}

export type { Plaque, NotPrinted };

/** Only a current, valid badge is printed; the rest are listed with the reason. */
async function plaquesFor(where: SQL, actor: Actor, today = todayISO()) {
	const rows = db
		.select({
			b: badge,
			merchantId: merchant.id,
			merchantName: merchant.name,
			address: merchant.address,
			tradingStatus: merchant.tradingStatus,
			streetName: street.name,
			townName: town.name
		})
		.from(merchant)
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.leftJoin(badge, eq(badge.id, merchant.currentBadgeId))
		.where(where)
		.orderBy(asc(merchant.address), asc(merchant.id))
		.all();
	const printable = rows.filter(
		(r) => r.b && stateToday(r.b, today) === 'valid' && r.tradingStatus !== 'closed'
	);
	const codes = await ensureCodes(
		printable.map((r) => r.b!),
		actor
	);
	const plaques: Plaque[] = printable.map((r) => {
		const c = codes.get(r.b!.id)!;
		return {
			serial: r.b!.serial,
			level: r.b!.level,
			validUntil: r.b!.validUntil,
			merchantId: r.merchantId,
			merchantName: r.merchantName,
			address: r.address,
			streetName: r.streetName,
			townName: r.townName,
			qrSvg: c.qrSvg
		};
	});
	const skipped: NotPrinted[] = rows
		.filter((r) => !printable.includes(r))
		.map((r) => ({
			merchantId: r.merchantId,
			merchantName: r.merchantName,
			why: !r.b
				? '没有牌匾'
				: r.tradingStatus === 'closed'
					? '已停业'
					: `牌匾${BADGE_STATE_LABEL[stateToday(r.b, today)]}`
		}));
	return { plaques, skipped };
}

export function merchantPlaques(merchantId: number, actor: Actor = SYSTEM) {
	return plaquesFor(eq(merchant.id, merchantId), actor);
}

export function streetPlaques(streetId: number, actor: Actor = SYSTEM) {
	return plaquesFor(eq(merchant.streetId, streetId), actor);
}

/** A merchant with its street and current badge, for the staff badge page. */
export function merchantCard(merchantId: number) {
	return db
		.select({
			m: merchant,
			streetName: street.name,
			townName: town.name,
			b: badge
		})
		.from(merchant)
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.leftJoin(badge, eq(badge.id, merchant.currentBadgeId))
		.where(eq(merchant.id, merchantId))
		.get();
}

export function streetCard(streetId: number) {
	return db
		.select({ s: street, townName: town.name })
		.from(street)
		.innerJoin(town, eq(town.id, street.townId))
		.where(eq(street.id, streetId))
		.get();
}

/** Streets in scope with how many merchants hold a valid badge, for the print index. */
export function streetsForPrinting(
	scope: number[] | null,
	f: { townId?: number } = {},
	today = todayISO()
) {
	const conds = [townIn(street.townId, scope), f.townId ? eq(street.townId, f.townId) : undefined];
	return db
		.select({
			id: street.id,
			name: street.name,
			townName: town.name,
			merchants: sql<number>`count(${merchant.id})`,
			valid: sql<number>`coalesce(sum(case when ${badge.state} = 'valid' and ${badge.validUntil} >= ${today} then 1 else 0 end), 0)`
		})
		.from(street)
		.innerJoin(town, eq(town.id, street.townId))
		.leftJoin(merchant, eq(merchant.streetId, street.id))
		.leftJoin(badge, eq(badge.id, merchant.currentBadgeId))
		.where(and(...conds))
		.groupBy(street.id)
		.orderBy(asc(town.sortOrder), asc(street.name))
		.all();
}

/** A badge's scans from `from` (YYYY-MM-DD) on, as a column. */
const scansSince = (from: string) =>
	sql<number>`(select coalesce(sum(${badgeScan.scans}), 0) from ${badgeScan} where ${badgeScan.badgeId} = ${badge.id} and ${badgeScan.day} >= ${from})`;

/** Merchants of a street with their badge and scans over the last 30 days, for the staff list. */
export function streetMerchants(streetId: number, today = todayISO()) {
	const from = shiftDay(today, -29);
	return db
		.select({
			id: merchant.id,
			name: merchant.name,
			address: merchant.address,
			serial: badge.serial,
			level: badge.level,
			state: badge.state,
			validUntil: badge.validUntil,
			scans30: scansSince(from)
		})
		.from(merchant)
		.leftJoin(badge, eq(badge.id, merchant.currentBadgeId))
		.where(eq(merchant.streetId, streetId))
		.orderBy(asc(merchant.address), asc(merchant.id))
		.all();
}

export type ListFilter = { townId?: number; streetId?: number };

/**
 * Every badge of the merchants in `scope` (null = all), current or superseded, by town, street
 * and serial, with its state as of today and its scans over the last 30 days: the register the
 * badge export writes.
 */
export function list(scope: number[] | null, f: ListFilter = {}, today = todayISO()) {
	const from = shiftDay(today, -29);
	return db
		.select({
			id: badge.id,
			serial: badge.serial,
			level: badge.level,
			state: badge.state,
			validUntil: badge.validUntil,
			grantedAt: badge.grantedAt,
			stateReason: badge.stateReason,
			stateChangedAt: badge.stateChangedAt,
			current: sql<number>`${merchant.currentBadgeId} = ${badge.id}`,
			merchantName: merchant.name,
			uscc: merchant.uscc,
			address: merchant.address,
			streetName: street.name,
			townName: town.name,
			scans30: scansSince(from)
		})
		.from(badge)
		.innerJoin(merchant, eq(merchant.id, badge.merchantId))
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.where(
			and(
				townIn(merchant.townId, scope),
				f.townId ? eq(merchant.townId, f.townId) : undefined,
				f.streetId ? eq(merchant.streetId, f.streetId) : undefined
			)
		)
		.orderBy(asc(town.sortOrder), asc(street.name), asc(badge.serial))
		.all()
		.map((b) => ({ ...b, state: badgeState.stateToday(b, today) }));
}
