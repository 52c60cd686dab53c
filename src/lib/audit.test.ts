import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditActionLabel, auditRecordLabel } from './audit';

/** Every `.ts` file under the server code, read once. */
function sources(dir = 'src/lib/server'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
		d.isDirectory()
			? sources(join(dir, d.name))
			: d.name.endsWith('.ts') && !d.name.endsWith('.test.ts')
				? [readFileSync(join(dir, d.name), 'utf8')]
				: []
	);
}

describe('the audit log in words', () => {
	const code = sources().join('\n');
	const actions = new Set([...code.matchAll(/'([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1]));
	const written = [...actions].filter((a) =>
		new RegExp(`action:[^,\\n]*'${a.replace('.', '\\.')}'`).test(code)
	);
	const types = new Set([...code.matchAll(/entityType: '([a-z_]+)'/g)].map((m) => m[1]));

	it('names every action the code records and every kind of record', () => {
		expect(written.length).toBeGreaterThan(50);
		expect(written.filter((a) => auditActionLabel(a) === a)).toEqual([]);
		expect([...types].filter((t) => auditRecordLabel(t) === t)).toEqual([]);
	});

	it('names a new state in the record’s own words, and shows an unknown action as its code', () => {
		expect(auditActionLabel('user.create')).toBe('新建 · 用户');
		expect(auditActionLabel('badge.revoked')).toBe('牌匾 · 已撤销');
		expect(auditActionLabel('feedback.verified')).toBe('消费者反馈 · 属实');
		expect(auditActionLabel('street.teleport')).toBe('street.teleport');
	});
});
