/**
 * An HTTP client held to one worker of a `WORKERS=N` server: one kept-alive socket, so every
 * request it makes reaches the worker that accepted that socket (/healthz says which).
 */
import http from 'node:http';

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

export class Pinned {
	cookie = '';
	worker = 0;
	private agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

	constructor(readonly origin: string) {}

	request(
		method: string,
		path: string,
		opts: { body?: string | Buffer; headers?: Record<string, string> } = {}
	): Promise<Reply> {
		const url = new URL(path, this.origin);
		return new Promise((resolve, reject) => {
			const req = http.request(
				url,
				{
					method,
					agent: this.agent,
					headers: {
						origin: this.origin,
						accept: 'text/html',
						...(this.cookie ? { cookie: this.cookie } : {}),
						...(opts.body ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}),
						...opts.headers
					}
				},
				(res) => {
					let body = '';
					res.setEncoding('utf8');
					res.on('data', (d) => (body += d));
					res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
				}
			);
			req.on('error', reject);
			if (opts.body) req.write(opts.body);
			req.end();
		});
	}

	get(path: string, headers: Record<string, string> = {}) {
		return this.request('GET', path, { headers });
	}

	postForm(path: string, fields: Record<string, string>) {
		return this.request('POST', path, {
			body: new URLSearchParams(fields).toString(),
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});
	}

	/** Logs in through the real form; keeps the session cookie. */
	async login(username: string, password: string) {
		const res = await this.postForm('/login', { username, password });
		const cookie = [res.headers['set-cookie'] ?? []]
			.flat()
			.find((c) => c.startsWith('cx_session='));
		if (res.status !== 303 || !cookie) throw new Error(`登录失败：${res.status}`);
		this.cookie = cookie.split(';')[0];
		return res;
	}

	close() {
		this.agent.destroy();
	}
}

/** One client per worker, each held to its own worker. */
export async function clientsPerWorker(origin: string, workers: number): Promise<Pinned[]> {
	const found = new Map<number, Pinned>();
	for (let i = 0; i < 50 && found.size < workers; i++) {
		const c = new Pinned(origin);
		const res = await c.get('/healthz');
		c.worker = (JSON.parse(res.body) as { worker: number }).worker;
		if (found.has(c.worker)) c.close();
		else found.set(c.worker, c);
	}
	if (found.size < workers) throw new Error(`只连到了 ${found.size} 个工作进程`);
	return [...found.values()].sort((a, b) => a.worker - b.worker);
}
