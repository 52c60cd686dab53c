/**
 * Request bodies within bounds. adapter-node's BODY_SIZE_LIMIT (25 MB with `npm start`) is the
 * ceiling for staff pages, whose imports and report PDFs need it; everything else — the public
 * forms (feedback, fake-badge reports), login — gets a limit that fits one phone photo. A body is
 * refused by its declared length before it is read, and a body that does not declare one is cut
 * off as soon as it streams past the limit.
 */
import type { RequestEvent } from '@sveltejs/kit';

/** Feedback with one photo from a phone camera, and the form around it. */
export const PUBLIC_BODY_BYTES = 8 * 1024 * 1024;

/** The limit for a path, or null where the adapter's own (larger) limit applies. */
export function limitFor(pathname: string): number | null {
	return pathname === '/staff' || pathname.startsWith('/staff/') ? null : PUBLIC_BODY_BYTES;
}

export function message(limit: number) {
	return `提交的内容太大（不能超过 ${Math.round(limit / 1024 ** 2)} MB）。请换一张小一些的照片，或不附照片再提交。`;
}

const cut = new WeakMap<Request, { over: boolean }>();

/** Whether this request's body was cut off at the limit (the reader then sees an error). */
export function exceeded(request: Request): boolean {
	return cut.get(request)?.over ?? false;
}

/** The same request, its body a stream that errors once more than `limit` bytes have arrived. */
export function capped(request: Request, limit: number): Request {
	if (!request.body) return request;
	const state = { over: false };
	let seen = 0;
	const counter = new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			seen += chunk.byteLength;
			if (seen > limit) {
				state.over = true;
				controller.error(new RangeError('request body over the limit'));
			} else controller.enqueue(chunk);
		}
	});
	const next = new Request(request, {
		body: request.body.pipeThrough(counter),
		// @ts-expect-error: Node's fetch needs this for a streamed body; the DOM types lack it
		duplex: 'half'
	});
	cut.set(next, state);
	return next;
}

/**
 * The answer to a body declared too large: a form action's failure for an enhanced form (the
 * page shows the message under the form), plain text otherwise.
 */
export function tooLarge(event: RequestEvent, limit: number): Response {
	const text = message(limit);
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		// An ActionResult as SvelteKit's `deserialize` reads it: `data` in devalue's form.
		const data = JSON.stringify([{ values: 1, errors: 2 }, {}, { _: 3 }, text]);
		return new Response(JSON.stringify({ type: 'failure', status: 413, data }), {
			status: 413,
			headers: { 'content-type': 'application/json', 'cache-control': 'private, no-store' }
		});
	}
	return new Response(text, {
		status: 413,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' }
	});
}
