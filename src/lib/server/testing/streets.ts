/** Streets, merchants and inspections, made through the streets area as staff make them. */
import * as towns from '../towns';
import * as streets from '../streets';
import { merchants, standards, inspections } from '../streets';
import type { Actor } from '../actor';
import { withCheckCharacter } from '../../uscc';
import type { MerchantInput, StreetInput } from '../../schemas/streets';
import type { StandardItem } from '../db/schema';

let serial = 0;

/** A valid USCC: 91… for a company, 92… for a sole trader (个体工商户). */
export function makeUscc(soleTrader = false): string {
	serial += 1;
	const body = String((Date.now() % 1_000_000) * 7 + serial)
		.padStart(6, '0')
		.slice(-6);
	return withCheckCharacter(`${soleTrader ? '92' : '91'}310117MA1${body}`);
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid 个体工商户 code (92…), the same for the same number. */
export function soleTraderUscc(n: number): string {
	let body = '';
	let x = n;
	for (let i = 0; i < 8; i++) {
		body = USCC_CHARS[x % 31] + body;
		x = Math.floor(x / 31);
	}
	return withCheckCharacter(`92310117M${body}`);
}

export function streetInput(townSlug: string, over: Partial<StreetInput> = {}): StreetInput {
	serial += 1;
	const t = towns.bySlug(townSlug);
	if (!t) throw new Error(`unknown town ${townSlug}`);
	return {
		name: `测试示范街${serial}`,
		townId: t.id,
		status: 'building',
		convention: '诚信经营，明码标价，足斤足两，童叟无欺。',
		description: '',
		committeeContact: '王主任',
		committeePhone: '021-57800000',
		geometry: {
			type: 'LineString',
			coordinates: [
				[121.225, 31.0115],
				[121.235, 31.012]
			]
		},
		...over
	};
}

export function makeStreet(
	actor: Actor,
	townSlug = 'yueyang',
	over: Partial<StreetInput> = {},
	now = new Date()
) {
	return streets.create(actor, streetInput(townSlug, over), now);
}

export function merchantInput(streetId: number, over: Partial<MerchantInput> = {}): MerchantInput {
	serial += 1;
	return {
		name: `测试商户${serial}`,
		uscc: makeUscc(serial % 2 === 0),
		streetId,
		address: `中山中路 ${serial} 号`,
		category: 'retail',
		tradingStatus: 'open',
		contactName: '李经理',
		contactPhone: '13800000000',
		lat: 31.0117,
		lng: 121.23,
		...over
	};
}

export function makeMerchant(
	actor: Actor,
	streetId: number,
	over: Partial<MerchantInput> = {},
	now = new Date()
) {
	return merchants.create(actor, merchantInput(streetId, over), now);
}

/** Item scores adding up to `target` (half points), with the given veto items hit. */
export function scoresFor(items: StandardItem[], target: number, vetoCodes: string[] = []) {
	const scored = items.filter((i) => !i.veto);
	const max = scored.reduce((s, i) => s + i.maxPoints, 0);
	const t = Math.min(Math.max(target, 0), max);
	const points = scored.map((i) => Math.floor(((i.maxPoints * t) / max) * 2) / 2);
	let left = t - points.reduce((a, b) => a + b, 0);
	for (let k = 0; k < scored.length && left > 0; k++) {
		const add = Math.min(scored[k].maxPoints - points[k], left);
		points[k] += add;
		left -= add;
	}
	return items.map((i) => {
		const k = scored.indexOf(i);
		return {
			itemId: i.id,
			points: i.veto ? 0 : points[k],
			vetoHit: i.veto && vetoCodes.includes(i.code),
			note: ''
		};
	});
}

/**
 * Starts and submits an inspection of a merchant with the given total: the merchant's level,
 * score and badge follow from it as they do for an inspector's.
 */
export function inspectMerchant(
	actor: Actor,
	merchantId: number,
	total: number,
	opts: { vetoCodes?: string[]; now?: Date; summary?: string } = {}
) {
	const now = opts.now ?? new Date();
	const draft = inspections.start(actor, { merchantId }, now);
	const std = standards.byId(draft.standardId)!;
	return inspections.save(
		actor,
		draft.id,
		{ scores: scoresFor(std.items, total, opts.vetoCodes), summary: opts.summary ?? '' },
		true,
		now
	);
}

/**
 * Amends a submitted inspection (更正) to the given total, with the reason, and submits the new
 * version: the old one is kept, superseded.
 */
export function amendInspection(
	actor: Actor,
	inspectionId: number,
	total: number,
	reason = '复核发现计分有误，予以更正',
	opts: { vetoCodes?: string[]; now?: Date } = {}
) {
	const now = opts.now ?? new Date();
	const draft = inspections.amend(actor, inspectionId, reason, now);
	const std = standards.byId(draft.standardId)!;
	return inspections.save(
		actor,
		draft.id,
		{ scores: scoresFor(std.items, total, opts.vetoCodes) },
		true,
		now
	);
}
