import { describe, expect, it } from 'vitest';
import { GET } from './+server';

async function get(search: string) {
	const url = new URL(`http://localhost/api/v1/commitments${search}`);
	const res = await GET({ url } as Parameters<typeof GET>[0]);
	return { status: res.status, body: await res.json() };
}

describe('GET /api/v1/commitments', () => {
	it('answers a page in the documented shape', async () => {
		const { status, body } = await get('?town=sheshan&page=2');
		expect(status).toBe(200);
		expect(body).toMatchObject({ items: [], page: 2, pageSize: 50, total: 0 });
	});

	it.each([
		['?town=3', 'town'],
		['?town=nowhere', 'town'],
		['?year=20x6', 'year'],
		['?page=0', 'page'],
		['?pageSize=1000', 'pageSize']
	])('answers 400 with { error } naming the parameter for %s', async (search, name) => {
		const { status, body } = await get(search);
		expect(status).toBe(400);
		expect(Object.keys(body)).toEqual(['error']);
		expect(body.error).toContain(`参数 ${name} 有误`);
	});
});
