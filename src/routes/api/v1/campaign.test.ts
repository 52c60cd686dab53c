import { describe, expect, it } from 'vitest';
import { GET as commitments } from './commitments/+server';
import { GET as towns } from './towns/+server';

type Handler = typeof commitments | typeof towns;

async function call(handler: Handler, search: string) {
	const url = new URL(`http://localhost/api/v1/x${search}`);
	// the endpoints read nothing of the event but its URL
	const res = await (handler as unknown as (e: { url: URL }) => Promise<Response>)({ url });
	return { status: res.status, body: await res.json() };
}

function badParameters(handler: Handler, cases: [string, string][]) {
	it.each(cases)('answers 400 with { error } naming the parameter for %s', async (search, name) => {
		const { status, body } = await call(handler, search);
		expect(status).toBe(400);
		expect(Object.keys(body)).toEqual(['error']);
		expect(body.error).toContain(`参数 ${name} 有误`);
	});
}

describe('GET /api/v1/commitments', () => {
	it('answers a page in the documented shape', async () => {
		const { status, body } = await call(commitments, '?town=sheshan&page=2');
		expect(status).toBe(200);
		expect(body).toMatchObject({ items: [], page: 2, pageSize: 50, total: 0 });
	});

	badParameters(commitments, [
		['?town=3', 'town'],
		['?town=nowhere', 'town'],
		['?year=20x6', 'year'],
		['?page=0', 'page'],
		['?pageSize=1000', 'pageSize']
	]);
});

describe('GET /api/v1/towns', () => {
	it("answers every town's progress, or one town's", async () => {
		const all = await call(towns, '?year=2024');
		expect(all.status).toBe(200);
		expect(all.body.year).toBe(2024);
		expect(all.body.items).toHaveLength(19);
		const one = await call(towns, '?year=2024&town=sheshan');
		expect(one.body.items).toEqual([
			{
				slug: 'sheshan',
				name: '佘山镇',
				commitments: { count: 0, target: 0 },
				reports: { count: 0, target: 0 },
				creditTown: null
			}
		]);
	});

	badParameters(towns, [
		['?town=3', 'town'],
		['?year=abc', 'year'],
		['?year=1999', 'year']
	]);
});
