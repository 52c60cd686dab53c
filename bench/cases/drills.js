/**
 * Drills, each with its pass condition (`npm run bench -- drills`, or one by name):
 * - drill-kill: SIGKILL of the CLI import during its one commit of 10,000 rows leaves 0 or all
 *   10,000 commitments and `PRAGMA integrity_check` = ok, at every moment tried;
 * - drill-load: /b/CODE and /api/v1/map hold 64 connections for 30 s with no error and the
 *   server's RSS flat within 20% after warm-up; meanwhile `npm run cli -- backup` copies the
 *   database, the copy passes integrity_check, and restored into a fresh server it answers with
 *   the same counts.
 */
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fmt, scratchDir, startServer } from '../lib.js';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx/cli');

/** The operators' CLI in one process (no tsx wrapper), so a SIGKILL reaches the importer itself. */
const CLI = ['--import', 'tsx', 'src/cli/index.ts'];

function cli(dir, args, extra = {}) {
	return execFileSync(process.execPath, [...CLI, ...args], {
		env: { ...process.env, DATABASE_URL: join(dir, 'bench.db'), DATA_DIR: dir, ...extra },
		encoding: 'utf8'
	});
}

function check(dir, file) {
	const out = cli(dir, ['db', 'check', '--json', ...(file ? [file] : [])]);
	return JSON.parse(out.trim().split('\n').pop());
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs the import of `csv` into `db`, killed with SIGKILL when `when(elapsedMs, walBytes)` says so. */
async function importKilled(dir, csv, when) {
	const db = join(dir, 'bench.db');
	const wal = `${db}-wal`;
	const walSize = () => (existsSync(wal) ? statSync(wal).size : 0);
	const start = Date.now();
	const child = spawn(process.execPath, [...CLI, 'import', 'commitments', csv, '--year', '2026'], {
		env: { ...process.env, DATABASE_URL: db, DATA_DIR: dir },
		stdio: 'ignore'
	});
	let killedAt = null;
	let walGrown = 0;
	const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
	let done = false;
	exited.then(() => (done = true));
	const base = walSize();
	while (!done) {
		walGrown = Math.max(walGrown, walSize() - base);
		if (when(Date.now() - start, walGrown)) {
			child.kill('SIGKILL');
			killedAt = Date.now() - start;
			break;
		}
		await sleep(1);
	}
	const result = await exited;
	return { ...result, killedAt, walGrown, ms: Date.now() - start };
}

const ROWS = 10_000;

const kill = {
	name: 'drill-kill',
	group: 'drills',
	title: `导入 ${ROWS} 行信用承诺的提交过程中 SIGKILL：只能是 0 行或全部，完整性检查 ok`,
	async run() {
		const base = scratchDir('drill-kill');
		const csv = join(base, 'commitments.csv');
		cli(base, ['db', 'check'], { SEED_DEMO: '0' });
		execFileSync(process.execPath, [tsx, 'bench/drills-setup.ts', String(ROWS), csv], {
			env: { ...process.env, DATABASE_URL: join(base, 'bench.db'), DATA_DIR: base }
		});
		const pristine = join(base, 'pristine.db');
		cli(base, ['backup', pristine]);

		const trial = async (name, when) => {
			const dir = scratchDir(`drill-kill-${name}`);
			copyFileSync(pristine, join(dir, 'bench.db'));
			const r = await importKilled(dir, csv, when);
			const after = check(dir);
			return { name, ...r, ...after };
		};
		// Once to the end, for the time the whole import takes and how much its commit writes to the
		// WAL; then killed while the commit is a tenth, half and nine tenths written, and at two
		// moments before it (while the file is read and checked).
		const full = await trial('full', () => false);
		const trials = [];
		for (const f of [0.1, 0.5, 0.9])
			trials.push(
				await trial(`wal${Math.round(f * 100)}`, (_ms, grown) => grown >= full.walGrown * f)
			);
		for (const f of [0.5, 0.9])
			trials.push(await trial(`t${Math.round(f * 100)}`, (ms) => ms >= full.ms * f));

		const atomic = (t) =>
			t.integrity === 'ok' &&
			(t.counts.commitment === 0 || t.counts.commitment === ROWS) &&
			t.counts.enterprise === t.counts.commitment;
		const rows = [
			{
				label: '不中断导入',
				value: `${fmt(full.ms / 1000, 1)} 秒，提交写入 WAL ${fmt(full.walGrown / 1048576, 1)} MB，写入 ${full.counts.commitment} 行，完整性 ${full.integrity}`,
				target: `${ROWS} 行，ok`,
				pass: full.counts.commitment === ROWS && full.integrity === 'ok'
			}
		];
		for (const t of trials)
			rows.push({
				label: `SIGKILL 于 ${t.killedAt ?? '—'} ms${t.name.startsWith('wal') ? `（提交已写入 WAL ${fmt(t.walGrown / 1048576, 1)} MB）` : ''}`,
				value: `${t.killedAt === null ? '已先结束' : '已杀死'}，承诺 ${t.counts.commitment} 行、企业 ${t.counts.enterprise} 家，完整性 ${t.integrity}`,
				target: `0 或 ${ROWS}，ok`,
				pass: atomic(t)
			});
		const all = trials.filter((t) => t.counts.commitment === ROWS).length;
		rows.push({
			label: '结果分布',
			value: `${trials.length - all} 次为 0 行，${all} 次为全部`
		});
		return rows;
	}
};

const PORT = 4501;
const RESTORE_PORT = 4502;

/** RSS of the server every second while `work` runs. */
async function sampled(server, work) {
	const samples = [];
	const timer = setInterval(() => samples.push(server.rssMB()), 1000);
	try {
		return { result: await work(), samples };
	} finally {
		clearInterval(timer);
	}
}

const hold = {
	name: 'drill-load',
	group: 'drills',
	title: '扫码页与 /api/v1/map 64 个连接 30 秒：无错误、内存平稳；其间在线备份，恢复后计数一致',
	async run() {
		const dir = scratchDir('drill-load');
		const server = await startServer({ dir, port: PORT, env: { SEED_DEMO: '1' } });
		const rows = [];
		try {
			const setupOut = execFileSync(process.execPath, [tsx, 'bench/badges-setup.ts', '50'], {
				env: {
					...process.env,
					DATABASE_URL: join(dir, 'bench.db'),
					DATA_DIR: dir,
					ORIGIN: server.origin
				},
				encoding: 'utf8'
			});
			const { code } = JSON.parse(setupOut.trim().split('\n').pop());
			const csv = join(dir, 'commitments.csv');
			execFileSync(process.execPath, [tsx, 'bench/drills-setup.ts', String(ROWS), csv], {
				env: { ...process.env, DATABASE_URL: join(dir, 'bench.db'), DATA_DIR: dir }
			});
			cli(dir, ['import', 'commitments', csv, '--year', '2026']);
			const copy = join(dir, 'backup.db');
			let backupMs = 0;
			let backupOut = '';

			const requests = [{ path: `/b/${code}` }, { path: '/api/v1/map' }];
			// Warm-up at the same load, so the heap has grown to its working size before measuring.
			await autocannon({ url: server.origin, connections: 64, duration: 5, requests });
			const { result, samples } = await sampled(server, async () => {
				const run = autocannon({ url: server.origin, connections: 64, duration: 30, requests });
				// The backup, taken while the 64 connections are at work.
				await sleep(8000);
				const t0 = Date.now();
				backupOut = cli(dir, ['backup', copy]);
				backupMs = Date.now() - t0;
				return run;
			});

			const errors = result.errors + result.timeouts + result.non2xx;
			rows.push({
				label: '64 个连接 30 秒（/b/CODE 与 /api/v1/map 交替）',
				value: `${result.requests.total} 次请求，${fmt(result.requests.average)} 次/秒，p99 ${result.latency.p99} ms，错误 ${errors}`,
				target: '错误 0',
				pass: errors === 0 && result.requests.total > 0
			});
			const warm = samples.slice(0, 5);
			const start = warm.reduce((a, b) => a + b, 0) / Math.max(warm.length, 1);
			const late = samples.slice(-5);
			const end = late.reduce((a, b) => a + b, 0) / Math.max(late.length, 1);
			const drift = start > 0 ? end / start : 0;
			rows.push({
				label: '内存 RSS（预热 5 秒后，前 5 秒 → 后 5 秒平均）',
				value: `${fmt(start)} MB → ${fmt(end)} MB（${fmt((drift - 1) * 100, 1)}%），最高 ${fmt(Math.max(...samples))} MB`,
				target: '变化不超过 ±20%',
				pass: drift >= 0.8 && drift <= 1.2
			});

			const source = check(dir);
			const backup = check(dir, copy);
			rows.push({
				label: '负载下 npm run cli -- backup',
				value: `${fmt(backupMs / 1000, 1)} 秒，${fmt(statSync(copy).size / 1048576, 1)} MB，副本完整性 ${backup.integrity}${backupOut.includes('ok') ? '' : '（未报告）'}`,
				target: 'ok',
				pass: backup.integrity === 'ok'
			});
			const same = (a, b) => Object.keys(a).every((k) => a[k] === b[k]);
			rows.push({
				label: '备份与在用数据库的行数',
				value: same(source.counts, backup.counts)
					? `一致（商户 ${backup.counts.merchant}、企业 ${backup.counts.enterprise}、承诺 ${backup.counts.commitment}、审计 ${backup.counts.audit_log}）`
					: `不一致：${JSON.stringify({ source: source.counts, backup: backup.counts })}`,
				target: '一致',
				pass: same(source.counts, backup.counts)
			});

			// Restore as the README says: the copy becomes the database of a stopped (here: new) server.
			const rdir = scratchDir('drill-restore');
			copyFileSync(copy, join(rdir, 'bench.db'));
			const restored = await startServer({
				dir: rdir,
				port: RESTORE_PORT,
				env: { SEED_DEMO: '0' }
			});
			try {
				const mapOf = async (origin) =>
					(await (await fetch(`${origin}/api/v1/map`)).json()).merchants.length;
				const [a, b] = [await mapOf(server.origin), await mapOf(restored.origin)];
				const scan = await fetch(`${restored.origin}/b/${code}`);
				const after = check(rdir);
				const ok = same(backup.counts, after.counts) && a === b && scan.ok;
				rows.push({
					label: '恢复后的服务',
					value: `/healthz 正常，地图商户 ${b}（原 ${a}），扫码页 ${scan.status}，行数${same(backup.counts, after.counts) ? '一致' : '不一致'}，完整性 ${after.integrity}`,
					target: '计数一致、可用',
					pass: ok && after.integrity === 'ok'
				});
			} finally {
				await restored.stop();
			}
		} finally {
			await server.stop();
		}
		return rows;
	}
};

export const drillCases = [kill, hold];
