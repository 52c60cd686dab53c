/**
 * Starts the production server as an operator does (`npm start`: scripts/start.js → build/) on a
 * SQLite file of its own, waits until /healthz answers and reads the first admin's password from
 * its console. Used by the global setup and by tests that need a server of their own (several
 * workers, a restart).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Server = {
	origin: string;
	databaseUrl: string;
	dataDir: string;
	/** The first admin's password, when this start created the database. */
	password?: string;
	output: () => string;
	stop: () => Promise<void>;
};

export async function startServer(opts: {
	port: number | string;
	workers?: number;
	dataDir?: string;
	seedDemo?: boolean;
	env?: Record<string, string>;
}): Promise<Server> {
	const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'chengxin-e2e-'));
	const origin = `http://127.0.0.1:${opts.port}`;
	const databaseUrl = join(dataDir, 'e2e.db');
	const env = {
		...process.env,
		PORT: String(opts.port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		DATABASE_URL: databaseUrl,
		DATA_DIR: dataDir,
		SEED_DEMO: opts.seedDemo === false ? '0' : '1',
		WORKERS: String(opts.workers ?? 1),
		BODY_SIZE_LIMIT: '25M',
		...opts.env
	};
	const server: ChildProcess = spawn(process.execPath, ['scripts/start.js'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	server.stdout!.on('data', (d) => (output += d));
	server.stderr!.on('data', (d) => (output += d));

	// the first start seeds the whole demo data set, which takes minutes on a busy two-core machine
	const deadline = Date.now() + 360_000;
	const giveUp = (message: string) => {
		server.kill('SIGKILL');
		return new Error(`${message}\n${output}`);
	};
	for (;;) {
		if (server.exitCode !== null) throw giveUp('服务器启动失败：');
		try {
			const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(5000) });
			if (res.ok) break;
		} catch (e) {
			// not listening yet — unless fetch refuses the port itself (the Fetch standard's bad ports)
			if ((e as { cause?: Error }).cause?.message === 'bad port')
				throw giveUp(`端口 ${opts.port} 被浏览器和 fetch 禁用，请换一个 E2E_PORT`);
		}
		if (Date.now() > deadline) throw giveUp('服务器六分钟内未就绪：');
		await new Promise((r) => setTimeout(r, 250));
	}
	// with several workers the others start after the first: wait until all answer
	if ((opts.workers ?? 1) > 1) {
		const seen = new Set<number>();
		while (seen.size < (opts.workers ?? 1)) {
			if (Date.now() > deadline) throw new Error(`工作进程未全部就绪：\n${output}`);
			try {
				const res = await fetch(`${origin}/healthz`, {
					headers: { connection: 'close' },
					signal: AbortSignal.timeout(5000)
				});
				seen.add(((await res.json()) as { worker: number }).worker);
			} catch {
				await new Promise((r) => setTimeout(r, 250));
			}
		}
	}
	return {
		origin,
		databaseUrl,
		dataDir,
		password: /初始密码：(\S+)/.exec(output)?.[1],
		output: () => output,
		stop: async () => {
			if (server.exitCode !== null) return;
			server.kill('SIGTERM');
			await new Promise((r) => server.once('exit', r));
		}
	};
}
