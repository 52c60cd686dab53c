/** Password hashing (argon2id) and the rules a new password must meet. */
import { hash, verify } from '@node-rs/argon2';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const OPTIONS = {
	algorithm: 2, // Algorithm.Argon2id (a const enum, so written as its value)
	memoryCost: 19456,
	timeCost: 2,
	outputLen: 32,
	parallelism: 1
};

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
	common ??= new Set(
		readFileSync(resolve(process.env.SEEDS_DIR ?? 'seeds', 'common-passwords.txt'), 'utf8')
			.split('\n')
			.map((l) => l.trim().toLowerCase())
			.filter(Boolean)
	);
	return common;
}

/** Returns a Chinese message saying what to fix, or null when the password is acceptable. */
export function checkPasswordStrength(password: string, username?: string): string | null {
	if (password.length < MIN_PASSWORD_LENGTH)
		return `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符，当前只有 ${password.length} 个`;
	if (password.length > 256) return '密码不能超过 256 个字符';
	const lower = password.toLowerCase();
	if (commonPasswords().has(lower)) return '这个密码过于常见，容易被猜中，请换一个';
	if (username && lower.includes(username.toLowerCase())) return '密码不能包含用户名，请换一个';
	if (/^(.)\1+$/.test(password)) return '密码不能由同一个字符重复组成';
	return null;
}

export function generatePassword(): string {
	// Unambiguous characters, 16 of them: about 90 bits.
	const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
