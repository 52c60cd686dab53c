import { afterEach, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { requestContext } from './hooks.server';
import * as log from '$lib/server/ops/log';

/*
 * A 403 is one security line whether the browser asked for the page or — navigating inside the
 * app — for its data: SvelteKit answers `__data.json` with 200 and the load's error inside, in
 * the shape below (one line of nodes; with promises, more lines stream after it).
 */

const lines: Record<string, unknown>[] = [];
afterEach(() => {
	log.setSink(null);
	lines.length = 0;
});

function eventFor(path: string, isDataRequest: boolean): RequestEvent {
	const url = new URL(`http://127.0.0.1${path}`);
	return {
		url,
		request: new Request(url),
		route: { id: path },
		params: {},
		locals: {},
		isDataRequest,
		isSubRequest: false,
		cookies: { get: () => undefined, set: () => {}, delete: () => {}, getAll: () => [] },
		getClientAddress: () => '203.0.113.7',
		setHeaders: () => {}
	} as unknown as RequestEvent;
}

const forbiddenNode = { type: 'error', error: { message: '无权访问该街镇的数据' }, status: 403 };
const dataNode = { type: 'data', data: [{ note: 1 }, '"status":403'], uses: {} };

async function send(path: string, isDataRequest: boolean, response: () => Response) {
	log.setSink((line) => lines.push(JSON.parse(line)));
	const res = await requestContext({
		event: eventFor(path, isDataRequest),
		resolve: async () => response()
	});
	await res.text();
	return lines.filter((l) => l.event === 'access.forbidden');
}

function streamed(...chunks: string[]) {
	return new Response(
		new ReadableStream({
			start(c) {
				for (const s of chunks) c.enqueue(new TextEncoder().encode(s));
				c.close();
			}
		}),
		{ headers: { 'content-type': 'text/sveltekit-data' } }
	);
}

describe('a 403 in the operator log', () => {
	it('of a page: one line', async () => {
		const got = await send(
			'/staff/merchants/9',
			false,
			() => new Response('禁止', { status: 403 })
		);
		expect(got).toHaveLength(1);
		expect(got[0]).toMatchObject({ path: '/staff/merchants/9', client: '203.0.113.7' });
		expect(got[0].requestId).toEqual(expect.any(String));
	});

	it('inside a page’s data request, plain or streamed: one line, as for the page', async () => {
		const body = JSON.stringify({ type: 'data', nodes: [null, forbiddenNode] });
		const plain = await send('/staff/merchants/9/__data.json', true, () =>
			Response.json(JSON.parse(body))
		);
		expect(plain).toHaveLength(1);
		expect(plain[0]).toMatchObject({ path: '/staff/merchants/9/__data.json', level: 'info' });
		lines.length = 0;
		const stream = await send('/staff/merchants/9/__data.json', true, () =>
			streamed(body + '\n', '{"type":"chunk","id":1,"data":[1]}\n')
		);
		expect(stream).toHaveLength(1);
	});

	it('not for data that merely says "status":403, nor for a data request’s 404', async () => {
		const quiet = await send('/staff/feedback/__data.json', true, () =>
			Response.json({ type: 'data', nodes: [dataNode, { ...forbiddenNode, status: 404 }] })
		);
		expect(quiet).toEqual([]);
	});
});
