import { afterEach, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import * as log from './log';

const lines: string[] = [];
afterEach(() => {
	log.setSink(null);
	lines.length = 0;
});

function fakeEvent(path: string): RequestEvent {
	return {
		request: new Request(`http://127.0.0.1${path}`, {
			method: 'POST',
			headers: { cookie: 'cx_session=abcdefghijklmnopqrstuvwxyz234567' }
		}),
		url: new URL(`http://127.0.0.1${path}`),
		locals: { user: null, session: null, requestId: 'req-1' },
		getClientAddress: () => '203.0.113.9'
	} as unknown as RequestEvent;
}

describe('the operator log', () => {
	it('writes one JSON line with UTC time, the request id and the event', () => {
		log.setSink((line) => lines.push(line));
		log.security('login.failed', fakeEvent('/login?next=/staff'), { account: 'wang' });
		expect(lines).toHaveLength(1);
		const e = JSON.parse(lines[0]);
		expect(e).toMatchObject({
			level: 'info',
			event: 'login.failed',
			requestId: 'req-1',
			method: 'POST',
			path: '/login',
			client: '203.0.113.9',
			account: 'wang'
		});
		expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
	});

	it('never writes a token, password, cookie or full phone number', () => {
		log.setSink((line) => lines.push(line));
		const token = 'k7x2mq9vbn3rt5yw8zc4hd6fj2ls0pq1';
		log.requestError(
			fakeEvent(`/reset/${token}`),
			500,
			new Error(`insert failed for phone 13812345678 with token ${token}`),
			'req-1'
		);
		log.security('upload.refused', fakeEvent('/b/X'), {
			password: 'Hunter2-secret!',
			newPassword: 'Another-secret-9',
			sessionToken: token,
			cookie: 'cx_session=' + token,
			headers: { authorization: 'Bearer ' + token, Cookie: 'a=b' },
			phone: '021-57812345',
			contact: '联系 +86 139 0000 1111 或 13900001111',
			note: '座机 021-57812345'
		});
		const out = lines.join('\n');
		for (const secret of [
			token,
			'Hunter2-secret!',
			'Another-secret-9',
			'13812345678',
			'13900001111',
			'57812345',
			'0000 1111',
			'a=b'
		])
			expect(out, secret).not.toContain(secret);
		const refused = JSON.parse(lines[1]);
		expect(refused.password).toBe('[redacted]');
		expect(refused.phone).toMatch(/2345$/);
		expect(refused.contact).toContain('139****1111');
		expect(JSON.parse(lines[0]).error.message).toContain('138****5678');
	});

	it('keeps a sane request id from a proxy and makes one otherwise', () => {
		expect(log.requestId('abc-123')).toBe('abc-123');
		expect(log.requestId('<script>')).not.toBe('<script>');
		expect(log.requestId(null)).toMatch(/^[0-9a-f-]{36}$/);
	});
});
