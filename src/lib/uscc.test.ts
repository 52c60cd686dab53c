import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeUscc, validateUscc, withCheckCharacter } from './uscc';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const validCode = fc
	.array(fc.constantFrom(...CHARSET.split('')), { minLength: 17, maxLength: 17 })
	.map((cs) => withCheckCharacter(cs.join('')));

describe('统一社会信用代码', () => {
	it('accepts real codes', () => {
		expect(validateUscc('91310000MA1FL1UJ1W').ok).toBe(true);
		expect(validateUscc('91310117MA1J3B2X4' + 'K').ok).toBe(false);
		const r = validateUscc('91310000MA1FL1UJ1A');
		if (!r.ok) expect(r.message).toContain('第 18 位应为「W」');
	});

	it('normalises full-width characters, spaces and case', () => {
		expect(normalizeUscc(' ９１３１００００ma1fl1uj1w ')).toBe('91310000MA1FL1UJ1W');
		const code = withCheckCharacter('92310117MA1H0000X');
		const fullWidth = code
			.toLowerCase()
			.replace(/[0-9a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
		expect(validateUscc(`  ${fullWidth}\u3000`)).toEqual({ ok: true, code });
	});

	it('says which character is wrong', () => {
		const r = validateUscc('91310117MA1J3BIX4A');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toContain('第 15 位「I」');
		const short = validateUscc('9131011');
		if (!short.ok) expect(short.message).toContain('18 位');
	});

	it('catches every single-character change of a valid code', () => {
		fc.assert(
			fc.property(
				validCode,
				fc.integer({ min: 0, max: 17 }),
				fc.constantFrom(...CHARSET.split('')),
				(code, pos, ch) => {
					fc.pre(code[pos] !== ch);
					const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
					expect(validateUscc(changed).ok).toBe(false);
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('accepts every code built with its check character', () => {
		fc.assert(fc.property(validCode, (code) => validateUscc(code).ok));
	});
});
