#!/usr/bin/env node
// `npm start`: the production server with defaults that work on a fresh machine. Without ORIGIN,
// adapter-node assumes https and would refuse every form post made over plain http.
//
// WORKERS=N (default 1) runs N worker processes on the same port and database (node:cluster).
// They share nothing in memory: throttles, limits, staged imports, scan counts and the content
// version that keys every cache live in SQLite. The first worker starts alone — it applies
// migrations, seeds a new database and prints the first admin's password — then the others.
import cluster from 'node:cluster';

process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// Spreadsheet imports, photos and report PDFs exceed adapter-node's default 512K body limit.
process.env.BODY_SIZE_LIMIT ??= '25M';
// Idle connections stay open longer than a browser keeps an idle socket for reuse: a request sent on a
// socket at the moment the server closes it fails with a reset (adapter-node's default is 5 s).
process.env.KEEP_ALIVE_TIMEOUT ??= '65';

const workers = Number(process.env.WORKERS ?? 1);
if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
	console.error(`WORKERS 应为 1 到 64 之间的整数，收到「${process.env.WORKERS}」`);
	process.exit(2);
}

if (workers === 1 || !cluster.isPrimary) {
	await import('../build/index.js');
} else {
	let stopping = false;
	const fork = () =>
		new Promise((resolve) => {
			const w = cluster.fork();
			w.once('listening', resolve);
			w.once('exit', resolve);
		});
	await fork();
	for (let i = 1; i < workers; i++) await fork();
	cluster.on('exit', (w, code, signal) => {
		if (stopping) return;
		console.error(`工作进程 ${w.process.pid} 退出（${signal ?? code}），重新启动`);
		cluster.fork();
	});
	const stop = (signal) => {
		stopping = true;
		for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
		setTimeout(() => process.exit(0), 10_000).unref();
		cluster.on('exit', () => {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
		});
	};
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGINT'));
}
