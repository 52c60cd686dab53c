/** Shared pieces of the benchmarks: a production server on a scratch database, and autocannon. */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SCRATCH = resolve('bench/.scratch');

export function scratchDir(name) {
	const dir = join(SCRATCH, name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	return dir;
}

/** `npm start` on a scratch database; `workers` as `WORKERS=N` (the pid is then the primary's). */
export async function startServer({ dir, port = 4310, env = {}, workers = 1 }) {
	if (!existsSync('build/index.js')) throw new Error('没有 build/：请先运行 npm run build');
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_URL: join(dir, 'bench.db'),
			DATA_DIR: dir,
			BODY_SIZE_LIMIT: '25M',
			WORKERS: String(workers),
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const deadline = Date.now() + 600_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`服务器启动失败：\n${output}`);
		try {
			if ((await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(5000) })).ok) break;
		} catch {
			// not yet listening
		}
		if (Date.now() > deadline) throw new Error('服务器未能就绪');
		await new Promise((r) => setTimeout(r, 200));
	}
	const seen = new Set();
	while (seen.size < workers) {
		if (Date.now() > deadline) throw new Error('工作进程未全部就绪');
		try {
			const res = await fetch(`${origin}/healthz`, { headers: { connection: 'close' } });
			seen.add((await res.json()).worker);
		} catch {
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	return {
		origin,
		pid: child.pid,
		output: () => output,
		adminPassword: () => /初始密码：(\S+)/.exec(output)?.[1],
		rssMB: () => {
			const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
			const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
			return kb / 1024;
		},
		peakRssMB: () => {
			const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
			const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
			return kb / 1024;
		},
		async stop() {
			child.kill('SIGTERM');
			await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
		}
	};
}

/** Requests per second and latency of one URL, with `connections` clients for `duration` s. */
export async function load(url, { connections = 32, duration = 5, headers = {} } = {}) {
	await autocannon({ url, connections, duration: 1, headers });
	const result = await autocannon({ url, connections, duration, headers });
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx,
		bytes: result.throughput.average
	};
}

export function ratio(a, b) {
	return b > 0 ? a / b : 0;
}

export function fmt(n, digits = 0) {
	return Number(n).toFixed(digits);
}
