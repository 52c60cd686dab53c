import { describe, expect, it } from 'vitest';
import { GET } from './+server';

async function get(search: string) {
	const url = new URL(`http://localhost/api/v1/towns${search}`);
	const res = await GET({ url } as Parameters<typeof GET>[0]);
	return { status: res.status, body: await res.json() };
}

describe('GET /api/v1/towns', () => {
	it("answers every town's progress, or one town's", async () => {
		const all = await get('?year=2024');
		expect(all.status).toBe(200);
		expect(all.body.year).toBe(2024);
		expect(all.body.items).toHaveLength(19);
		const one = await get('?year=2024&town=sheshan');
		expect(one.body.items).toEqual([
			{
				slug: 'sheshan',
				name: '佘山镇',
				commitments: { count: 0, target: 0 },
				reports: { count: 0, target: 0 }
			}
		]);
	});

	it.each([
		['?town=3', 'town'],
		['?year=abc', 'year'],
		['?year=1999', 'year']
	])('answers 400 with { error } naming the parameter for %s', async (search, name) => {
		const { status, body } = await get(search);
		expect(status).toBe(400);
		expect(Object.keys(body)).toEqual(['error']);
		expect(body.error).toContain(`参数 ${name} 有误`);
	});
});
