import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestEvent } from '@sveltejs/kit';
import sharp from 'sharp';
import * as body from './body-limit';

process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'chengxin-body-'));
const { submitFeedback } = await import('../feedback/action');

function streamOf(size: number, chunk = 64 * 1024) {
	let sent = 0;
	return new ReadableStream<Uint8Array>({
		pull(c) {
			if (sent >= size) return c.close();
			const n = Math.min(chunk, size - sent);
			sent += n;
			c.enqueue(new Uint8Array(n));
		}
	});
}

const post = (size: number) =>
	new Request('http://127.0.0.1/b/X', {
		method: 'POST',
		body: streamOf(size),
		// @ts-expect-error: Node's fetch needs this for a streamed body
		duplex: 'half'
	});

describe('body limits', () => {
	it('public forms get a phone photo; staff pages keep the adapter limit', () => {
		expect(body.limitFor('/b/ABC')).toBe(8 * 1024 * 1024);
		expect(body.limitFor('/merchants/3/feedback')).toBe(8 * 1024 * 1024);
		expect(body.limitFor('/login')).toBe(8 * 1024 * 1024);
		expect(body.limitFor('/staff/campaign/import/commitments')).toBeNull();
		expect(body.limitFor('/staffroom')).toBe(8 * 1024 * 1024);
	});

	it('a streamed body within the limit arrives whole', async () => {
		const r = body.capped(post(1024 * 1024), 2 * 1024 * 1024);
		expect((await r.arrayBuffer()).byteLength).toBe(1024 * 1024);
		expect(body.exceeded(r)).toBe(false);
	});

	it('a streamed body past the limit is cut off and marked', async () => {
		const r = body.capped(post(3 * 1024 * 1024), 2 * 1024 * 1024);
		await expect(r.arrayBuffer()).rejects.toThrow();
		expect(body.exceeded(r)).toBe(true);
	});

	it('a declared body over the limit is answered 413 in Chinese, as the form reads it', async () => {
		const event = {
			request: new Request('http://127.0.0.1/b/X', {
				method: 'POST',
				headers: { 'x-sveltekit-action': 'true' }
			})
		} as RequestEvent;
		const res = body.tooLarge(event, body.PUBLIC_BODY_BYTES);
		expect(res.status).toBe(413);
		const result = (await res.json()) as { type: string; status: number; data: string };
		expect(result).toMatchObject({ type: 'failure', status: 413 });
		expect(JSON.parse(result.data)[3]).toContain('不能超过 8 MB');
		const plain = body.tooLarge(
			{ request: new Request('http://x/b/X') } as RequestEvent,
			1024 ** 2
		);
		expect(await plain.text()).toContain('不能超过 1 MB');
	});
});

describe('a refused submission', () => {
	it('leaves no photo on disk', async () => {
		const png = await sharp({
			create: { width: 40, height: 30, channels: 3, background: '#c8161d' }
		})
			.png()
			.toBuffer();
		const form = new FormData();
		form.set('category', 'price');
		form.set('body', '价格标签和结账金额不一致');
		form.set('phone', '');
		form.set('photo', new File([new Uint8Array(png)], 'p.png', { type: 'image/png' }));
		const event = {
			request: new Request('http://127.0.0.1/merchants/999999/feedback', {
				method: 'POST',
				body: form
			}),
			url: new URL('http://127.0.0.1/merchants/999999/feedback'),
			locals: { user: null, session: null },
			getClientAddress: () => '198.51.100.50'
		} as unknown as RequestEvent;
		// the merchant does not exist: the photo is stored, then the record refused
		const r = (await submitFeedback(event, { merchantId: 999_999, source: 'merchant_page' })) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(r.status).toBe(400);
		expect(r.data.errors._).toBe('商户不存在');
		const dir = join(process.env.DATA_DIR!, 'uploads', 'img');
		expect(readdirSync(dir)).toEqual([]);
	});
});
