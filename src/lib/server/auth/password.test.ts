import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, generatePassword, hashPassword, verifyPassword } from './password';

describe('password rules', () => {
	it('refuses short passwords and says how long they must be', () => {
		expect(checkPasswordStrength('abc12345')).toMatch(/至少需要 10 个字符/);
	});

	it('refuses common passwords, whatever their case', () => {
		expect(checkPasswordStrength('1234567890')).toMatch(/常见/);
		expect(checkPasswordStrength('QWERTYUIOP')).toMatch(/常见/);
		expect(checkPasswordStrength('woaini1314')).toMatch(/常见/);
	});

	it('refuses a password containing the username', () => {
		expect(checkPasswordStrength('zhangsan-2026-pw', 'zhangsan')).toMatch(/用户名/);
	});

	it('accepts a long uncommon password and the generated ones', () => {
		expect(checkPasswordStrength('松江诚信-青石板-2026')).toBeNull();
		for (let i = 0; i < 20; i++) expect(checkPasswordStrength(generatePassword())).toBeNull();
	});
});

describe('password hashing', () => {
	it('uses argon2id with at least 19 MiB and 2 iterations', async () => {
		const h = await hashPassword('一个足够长的密码-abc');
		const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=\d+\$/.exec(h);
		expect(m).not.toBeNull();
		expect(Number(m![1])).toBeGreaterThanOrEqual(19 * 1024);
		expect(Number(m![2])).toBeGreaterThanOrEqual(2);
		expect(await verifyPassword(h, '一个足够长的密码-abc')).toBe(true);
		expect(await verifyPassword(h, '一个足够长的密码-abd')).toBe(false);
		expect(await verifyPassword('not a hash', 'x')).toBe(false);
	});
});
