/**
 * The code printed on a badge: the badge id and an 80-bit HMAC-SHA-256 tag under the server
 * secret, over the id and the code's generation, in uppercase base32 without padding so that the
 * URL path stays in QR alphanumeric mode. Pure functions; the secret is passed in.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';

export const TAG_BYTES = 10;
const ID_BYTES = 4;
/** 14 bytes → 23 base32 characters. */
export const CODE_LENGTH = Math.ceil(((ID_BYTES + TAG_BYTES) * 8) / 5);
const CODE_PATTERN = new RegExp(`^[A-Z2-7]{${CODE_LENGTH}}$`);
const DOMAIN = 'chengxin-badge-v1';

export function tagFor(secret: Uint8Array, badgeId: number, generation: number): Uint8Array {
	const msg = Buffer.alloc(DOMAIN.length + 8);
	msg.write(DOMAIN, 0, 'latin1');
	msg.writeUInt32BE(badgeId, DOMAIN.length);
	msg.writeUInt32BE(generation, DOMAIN.length + 4);
	return createHmac('sha256', secret).update(msg).digest().subarray(0, TAG_BYTES);
}

export function makeCode(secret: Uint8Array, badgeId: number, generation: number): string {
	if (!Number.isInteger(badgeId) || badgeId < 1 || badgeId > 0xffffffff)
		throw new RangeError('badge id out of range');
	const bytes = new Uint8Array(ID_BYTES + TAG_BYTES);
	new DataView(bytes.buffer).setUint32(0, badgeId);
	bytes.set(tagFor(secret, badgeId, generation), ID_BYTES);
	return encodeBase32UpperCaseNoPadding(bytes);
}

export type ParsedCode = { badgeId: number; tag: Uint8Array; code: string };

/**
 * The id and tag of a code, or null when it is not a well-formed code. Lower case is accepted
 * (a typed URL); anything that does not re-encode to itself is refused, so the spare bits of the
 * last character cannot give a second spelling of one code.
 */
export function parseCode(raw: string): ParsedCode | null {
	if (typeof raw !== 'string' || raw.length !== CODE_LENGTH) return null;
	const code = raw.toUpperCase();
	if (!CODE_PATTERN.test(code)) return null;
	let bytes: Uint8Array;
	try {
		bytes = decodeBase32IgnorePadding(code);
	} catch {
		return null;
	}
	if (bytes.length !== ID_BYTES + TAG_BYTES) return null;
	if (encodeBase32UpperCaseNoPadding(bytes) !== code) return null;
	const badgeId = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
	if (badgeId < 1) return null;
	return { badgeId, tag: bytes.slice(ID_BYTES), code };
}

export function tagMatches(secret: Uint8Array, parsed: ParsedCode, generation: number): boolean {
	const expected = tagFor(secret, parsed.badgeId, generation);
	return parsed.tag.length === expected.length && timingSafeEqual(parsed.tag, expected);
}

/**
 * Which generation of the badge's code this is: `current`, `voided` (a code of an earlier
 * generation, printed before a reprint), or `invalid` (forged, mistyped or made under another
 * secret).
 */
export function verify(
	secret: Uint8Array,
	parsed: ParsedCode,
	currentGeneration: number
): 'current' | 'voided' | 'invalid' {
	if (tagMatches(secret, parsed, currentGeneration)) return 'current';
	for (let g = currentGeneration - 1; g >= 0; g--)
		if (tagMatches(secret, parsed, g)) return 'voided';
	return 'invalid';
}
