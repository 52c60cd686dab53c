import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError, attempt, parse } from './forms';

const schema = z.object({
	name: z.string().trim().min(1, '请填写名称'),
	towns: z.array(z.coerce.number().int()).min(1, '至少选择一个街镇')
});

function form(entries: [string, string][]) {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
}

describe('one form contract', () => {
	it('answers values and errors, and keeps what was typed except secrets', () => {
		const r = parse(
			form([
				['name', ' '],
				['password', 'secret-1234']
			]),
			schema,
			{ lists: ['towns'] }
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.failure.status).toBe(400);
		expect(r.failure.data.errors).toEqual({ name: '请填写名称', towns: '至少选择一个街镇' });
		expect(r.failure.data.values).toEqual({ name: ' ', towns: [] });
	});

	it('repeated fields arrive as lists', () => {
		const r = parse(
			form([
				['name', '佘山'],
				['towns', '1'],
				['towns', '2']
			]),
			schema
		);
		expect(r.ok && r.data).toEqual({ name: '佘山', towns: [1, 2] });
	});

	it('a domain rule broken maps to the same shape, beside its field', async () => {
		const out = await attempt({ name: 'x' }, () => {
			throw new DomainError('name', '名称已被使用');
		});
		expect(out).toMatchObject({
			status: 400,
			data: { values: { name: 'x' }, errors: { name: '名称已被使用' } }
		});
		await expect(
			attempt({}, () => {
				throw new Error('fault');
			})
		).rejects.toThrow('fault');
	});
});
