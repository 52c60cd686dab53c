/**
 * 统一社会信用代码 (GB 32100-2015): normalisation and the check character.
 * Shared by client and server so a form can warn before it is sent.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Trim, full-width → half-width, upper case; inner spaces removed. */
export function normalizeUscc(raw: string): string {
	return raw
		.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
		.replace(/[\s\u3000]/g, '')
		.toUpperCase();
}

export function checkCharacter(first17: string): string {
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
	return CHARSET[(31 - (sum % 31)) % 31];
}

export type UsccResult = { ok: true; code: string } | { ok: false; code: string; message: string };

/** Checks a code; the message says in Chinese what is wrong and where. */
export function validateUscc(raw: string): UsccResult {
	const code = normalizeUscc(raw ?? '');
	if (!code) return { ok: false, code, message: '请填写统一社会信用代码' };
	if (code.length !== 18)
		return {
			ok: false,
			code,
			message: `统一社会信用代码应为 18 位，当前为 ${code.length} 位`
		};
	for (let i = 0; i < 18; i++) {
		if (!CHARSET.includes(code[i]))
			return {
				ok: false,
				code,
				message: `统一社会信用代码第 ${i + 1} 位「${code[i]}」不是有效字符（不使用 I、O、Z、S、V）`
			};
	}
	const expected = checkCharacter(code.slice(0, 17));
	if (code[17] !== expected)
		return {
			ok: false,
			code,
			message: `统一社会信用代码校验位不符：第 18 位应为「${expected}」，实为「${code[17]}」，请核对前 17 位是否抄错`
		};
	return { ok: true, code };
}

/** A valid code from 17 characters, for demo data and tests. */
export function withCheckCharacter(first17: string): string {
	return first17 + checkCharacter(first17);
}
