import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { CODE_LENGTH, TAG_BYTES, makeCode, parseCode, verify } from './code';

const secretArb = fc.uint8Array({ minLength: 32, maxLength: 32 });
const idArb = fc.integer({ min: 1, max: 0xffffffff });
const genArb = fc.integer({ min: 0, max: 5 });
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function check(secret: Uint8Array, code: string, generation: number) {
	const parsed = parseCode(code);
	return parsed ? verify(secret, parsed, generation) : 'malformed';
}

describe('badge codes', () => {
	it('carry at least 80 bits of tag and stay QR alphanumeric', () => {
		expect(TAG_BYTES * 8).toBeGreaterThanOrEqual(80);
		fc.assert(
			fc.property(secretArb, idArb, genArb, (s, id, g) => {
				const code = makeCode(s, id, g);
				expect(code).toHaveLength(CODE_LENGTH);
				expect(code).toMatch(/^[A-Z2-7]+$/);
				expect(check(s, code, g)).toBe('current');
				expect(parseCode(code.toLowerCase())?.badgeId).toBe(id);
			})
		);
	});

	it('fail when any bit of the code is flipped', () => {
		fc.assert(
			fc.property(secretArb, idArb, genArb, fc.nat(), (s, id, g, at) => {
				const bytes = decodeBase32IgnorePadding(makeCode(s, id, g));
				const bit = at % (bytes.length * 8);
				bytes[bit >> 3] ^= 1 << (bit & 7);
				expect(check(s, encodeBase32UpperCaseNoPadding(bytes), g)).not.toBe('current');
			})
		);
	});

	it('fail when any character is changed, including the spare bits of the last one', () => {
		fc.assert(
			fc.property(secretArb, idArb, genArb, fc.nat(), fc.nat(), (s, id, g, at, by) => {
				const code = makeCode(s, id, g);
				const i = at % code.length;
				const other = ALPHABET.replace(code[i], '')[by % 31];
				const changed = code.slice(0, i) + other + code.slice(i + 1);
				expect(check(s, changed, g)).not.toBe('current');
			})
		);
	});

	it('fail when the tag is truncated or the code cut short', () => {
		fc.assert(
			fc.property(
				secretArb,
				idArb,
				genArb,
				fc.integer({ min: 1, max: TAG_BYTES }),
				(s, id, g, cut) => {
					const bytes = decodeBase32IgnorePadding(makeCode(s, id, g));
					const short = encodeBase32UpperCaseNoPadding(bytes.slice(0, bytes.length - cut));
					expect(check(s, short, g)).toBe('malformed');
					expect(check(s, makeCode(s, id, g).slice(0, CODE_LENGTH - cut), g)).toBe('malformed');
				}
			)
		);
	});

	it('fail under another secret', () => {
		fc.assert(
			fc.property(secretArb, secretArb, idArb, genArb, (s1, s2, id, g) => {
				fc.pre(Buffer.compare(Buffer.from(s1), Buffer.from(s2)) !== 0);
				expect(check(s2, makeCode(s1, id, g), g)).toBe('invalid');
			})
		);
	});

	it('read as voided once the badge is reprinted, and never as current', () => {
		fc.assert(
			fc.property(secretArb, idArb, genArb, fc.integer({ min: 1, max: 4 }), (s, id, g, more) => {
				expect(check(s, makeCode(s, id, g), g + more)).toBe('voided');
			})
		);
	});

	it('refuse garbage without throwing', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 40 }), (raw) => {
				expect(() => parseCode(raw)).not.toThrow();
			})
		);
		for (const raw of [
			'',
			'%00',
			'../../etc/passwd',
			'A'.repeat(CODE_LENGTH),
			'='.repeat(CODE_LENGTH)
		])
			expect(() => parseCode(raw)).not.toThrow();
		expect(parseCode('A'.repeat(CODE_LENGTH))).toBeNull();
	});
});
