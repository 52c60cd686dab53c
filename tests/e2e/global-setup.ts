/**
 * Starts the production server (`node build`) on a new SQLite file with demo data, exactly as the
 * start command does, and reads the first admin's password from its console.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function globalSetup() {
	const port = process.env.E2E_PORT ?? '4173';
	const dir = mkdtempSync(join(tmpdir(), 'chengxin-e2e-'));
	const origin = `http://127.0.0.1:${port}`;
	const env = {
		...process.env,
		PORT: port,
		HOST: '127.0.0.1',
		ORIGIN: origin,
		DATABASE_URL: join(dir, 'e2e.db'),
		DATA_DIR: dir,
		SEED_DEMO: process.env.E2E_SEED_DEMO ?? '1',
		// as `npm start` sets it: uploads of spreadsheets, photos and PDFs exceed adapter-node's 512K
		BODY_SIZE_LIMIT: '25M'
	};
	const server = spawn(process.execPath, ['build'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	server.stdout.on('data', (d) => (output += d));
	server.stderr.on('data', (d) => (output += d));

	const deadline = Date.now() + 120_000;
	for (;;) {
		if (server.exitCode !== null) throw new Error(`服务器启动失败：\n${output}`);
		try {
			const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(5000) });
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`服务器两分钟内未就绪：\n${output}`);
		await new Promise((r) => setTimeout(r, 250));
	}
	const password = /初始密码：(\S+)/.exec(output)?.[1];
	if (!password) throw new Error(`控制台没有打印初始管理员密码：\n${output}`);

	process.env.E2E_ADMIN_PASSWORD = password;
	process.env.E2E_DATABASE_URL = env.DATABASE_URL;
	process.env.E2E_DATA_DIR = dir;
	process.env.E2E_ORIGIN = origin;

	return async () => {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		rmSync(dir, { recursive: true, force: true });
	};
}
