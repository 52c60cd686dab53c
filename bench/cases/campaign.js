/**
 * The commitment campaign's speed targets:
 * - importing a 10,000-row CSV through the web import (upload, parse, check, preview, commit) against
 *   a bare better-sqlite3 transaction inserting the same enterprises and commitments, same run;
 * - the district dashboard on the design-scale data (200,000 enterprises, 50,000 commitments)
 *   against the trivial page of the same server, with the server's memory.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, load, ratio, scratchDir, startServer } from '../lib.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function uscc(n) {
	let body = '';
	for (let i = 0, x = n; i < 8; i++, x = Math.floor(x / 31)) body = CHARSET[x % 31] + body;
	const first17 = `913101170${body}`;
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
	return first17 + CHARSET[(31 - (sum % 31)) % 31];
}

const TOWNS = [
	'岳阳街道',
	'永丰街道',
	'方松街道',
	'中山街道',
	'泗泾镇',
	'佘山镇',
	'车墩镇',
	'九亭镇'
];
const TYPES = ['诚信经营承诺', '告知承诺', '行业自律承诺', '信用修复承诺'];
const CHANNELS = ['信用松江网站', '企业门户', '现场公示', '其他'];

function rows(count, offset, year) {
	const out = [];
	for (let i = 0; i < count; i++) {
		const n = offset + i;
		out.push({
			name: `上海松江测试${n}科技有限公司`,
			uscc: uscc(n),
			town: TOWNS[n % TOWNS.length],
			type: TYPES[n % TYPES.length],
			date: `${year}-${String(1 + (n % 10)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
			channel: CHANNELS[n % CHANNELS.length]
		});
	}
	return out;
}

function csv(list) {
	const lines = ['企业名称,统一社会信用代码,所属街镇,承诺类型,公示日期,公示渠道,公示链接'];
	for (const r of list)
		lines.push(`${r.name},${r.uscc},${r.town},${r.type},${r.date},${r.channel},`);
	return lines.join('\r\n') + '\r\n';
}

/** A database with the committed migrations, as the server builds it. */
function migratedDb(path) {
	const db = new Database(path);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.pragma('foreign_keys = ON');
	for (const f of readdirSync('drizzle')
		.filter((x) => x.endsWith('.sql'))
		.sort())
		for (const s of readFileSync(join('drizzle', f), 'utf8').split('--> statement-breakpoint'))
			if (s.trim()) db.exec(s);
	const ins = db.prepare('INSERT INTO town (slug, name, kind, sort_order) VALUES (?, ?, ?, ?)');
	TOWNS.forEach((t, i) => ins.run(`t${i}`, t, 'town', i));
	return db;
}

/** The bare baseline: one transaction of prepared inserts of the same enterprises and commitments. */
function bareInsert(path, list, year) {
	const db = migratedDb(path);
	const townIds = new Map(
		db
			.prepare('SELECT id, name FROM town')
			.all()
			.map((t) => [t.name, t.id])
	);
	const insE = db.prepare(
		'INSERT INTO enterprise (uscc, name, town_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'
	);
	const insC = db.prepare(
		`INSERT INTO commitment (enterprise_id, year, type, disclosed_on, channel, link, status, created_at)
		 VALUES (?, ?, ?, ?, ?, NULL, 'published', ?)`
	);
	const started = performance.now();
	db.transaction(() => {
		const now = Date.now();
		for (const r of list) {
			const id = insE.run(r.uscc, r.name, townIds.get(r.town), now, now).lastInsertRowid;
			insC.run(id, year, r.type, r.date, r.channel, now);
		}
	})();
	const ms = performance.now() - started;
	db.close();
	return ms;
}

async function login(origin, username, password) {
	const res = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
		body: new URLSearchParams({ username, password })
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cx_session='));
	if (!cookie) throw new Error(`登录失败：${res.status}`);
	return cookie.split(';')[0];
}

/** The whole web import of one file: upload and preview, then commit; returns ms and the outcome. */
async function webImport(origin, cookie, text, year) {
	const started = performance.now();
	const form = new FormData();
	form.set('year', String(year));
	form.set('file', new Blob([text], { type: 'text/csv' }), 'bench.csv');
	const headers = { cookie, origin, accept: 'application/json', 'x-sveltekit-action': 'true' };
	const preview = await fetch(`${origin}/staff/campaign/import/commitments?/preview`, {
		method: 'POST',
		headers,
		body: form
	});
	const body = await preview.text();
	const token = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(body)?.[0];
	if (!token) throw new Error(`预览失败：${body.slice(0, 300)}`);
	const commit = await fetch(`${origin}/staff/campaign/import/commitments?/commit`, {
		method: 'POST',
		headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ token })
	});
	const outcome = await commit.text();
	return { ms: performance.now() - started, outcome };
}

/**
 * One request at a time, each with a search no earlier request made (so no cache answers it): the
 * way a stranger would try to make the public list slow. Parts of real names (three to five
 * characters), two characters that occur in no name, and starts of credit codes.
 */
async function freshSearches(origin, dbPath) {
	const db = new Database(dbPath, { readonly: true });
	const names = db.prepare('SELECT name, uscc FROM enterprise ORDER BY random() LIMIT 150').all();
	db.close();
	const qs = new Set();
	names.forEach(({ name, uscc }, i) => {
		const len = 3 + (i % 3);
		const at = 2 + (i % Math.max(1, name.length - len - 2));
		qs.add(name.slice(at, at + len));
		if (i % 5 === 0) qs.add(uscc.slice(0, 10 + (i % 6)));
	});
	for (let i = 0; i < 40; i++) qs.add(String.fromCodePoint(0x9fa0 - i, 0x4e01 + i * 7));
	const times = [];
	let errors = 0;
	const timed = async (url) => {
		const t = performance.now();
		const res = await fetch(url);
		await res.arrayBuffer();
		if (res.status !== 200) errors += 1;
		return performance.now() - t;
	};
	const pings = [];
	for (const q of qs) {
		times.push(await timed(`${origin}/disclosures?q=${encodeURIComponent(q)}`));
		pings.push(await timed(`${origin}/ping`));
	}
	const at = (xs, p) =>
		[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
	return {
		n: qs.size,
		p50: at(times, 0.5),
		p95: at(times, 0.95),
		max: Math.max(...times),
		ping: at(pings, 0.5),
		errors
	};
}

export default [
	{
		name: 'campaign-import',
		title: '导入 10,000 行 CSV（上传、解析、校验、预览、写入）对比裸 better-sqlite3 事务',
		async run() {
			const dir = scratchDir('campaign-import');
			const year = 2025;
			// Imports take files up to 20 MB; `npm start` raises adapter-node's 512 KB body limit the same way.
			const server = await startServer({
				dir,
				port: 4320,
				env: { SEED_DEMO: '0', BODY_SIZE_LIMIT: '25M' }
			});
			try {
				const cookie = await login(server.origin, 'admin', server.adminPassword());
				const warm = rows(10_000, 1_000_000, year);
				const list = rows(10_000, 2_000_000, year);
				await webImport(server.origin, cookie, csv(warm), year);
				const bareWarm = bareInsert(join(dir, 'bare-warm.db'), warm, year);
				const imports = [];
				const bares = [];
				for (let i = 0; i < 3; i++) {
					const batch = rows(10_000, 3_000_000 + i * 20_000, year);
					bares.push(bareInsert(join(dir, `bare-${i}.db`), batch, year));
					const r = await webImport(server.origin, cookie, csv(batch), year);
					if (!r.outcome.includes('新增 10000 条'))
						throw new Error(`导入结果不对：${r.outcome.slice(0, 300)}`);
					imports.push(r.ms);
				}
				const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
				const imp = median(imports);
				const bare = median(bares);
				void list;
				void bareWarm;
				const r = ratio(imp, bare);
				return [
					{ label: '裸事务插入 10,000 家企业和承诺', value: `${fmt(bare, 1)} ms（3 次中位数）` },
					{ label: '网页导入 10,000 行（预览 + 写入）', value: `${fmt(imp, 1)} ms（3 次中位数）` },
					{ label: '导入 / 裸事务', value: fmt(r, 2), target: '≤ 5', pass: r <= 5 }
				];
			} catch (e) {
				throw new Error(`${e instanceof Error ? e.message : e}\n${server.output().slice(-2000)}`);
			} finally {
				await server.stop();
			}
		}
	},
	{
		name: 'campaign-dashboard',
		title: '设计规模数据（20 万企业、5 万承诺）下的区级进度页对比简单页面，32 个连接',
		async run() {
			const dir = scratchDir('campaign-dashboard');
			const env = {
				...process.env,
				DATABASE_URL: join(dir, 'bench.db'),
				DATA_DIR: dir,
				SEED_DEMO: '0'
			};
			const started = performance.now();
			const out = execFileSync(process.execPath, ['scripts/cli.js', 'campaign', 'generate'], {
				env,
				encoding: 'utf8'
			});
			const generated = (performance.now() - started) / 1000;
			const password = /初始密码：(\S+)/.exec(out)?.[1];
			const server = await startServer({ dir, port: 4321, env: { SEED_DEMO: '0' } });
			try {
				const cookie = await login(server.origin, 'admin', password);
				// Other work on the machine skews one-off figures: alternate the two pages three times and
				// compare the medians.
				const trivials = [];
				const dashes = [];
				for (let i = 0; i < 3; i++) {
					trivials.push(await load(`${server.origin}/ping`, { duration: 3 }));
					dashes.push(
						await load(`${server.origin}/staff/campaign`, { duration: 3, headers: { cookie } })
					);
				}
				const mid = (xs) => [...xs].sort((a, b) => a.rps - b.rps)[1];
				const trivial = mid(trivials);
				const dash = mid(dashes);
				const dashRss = server.peakRssMB();
				const list = await load(`${server.origin}/disclosures?q=%E6%9D%BE%E6%B1%9F`);
				const fresh = await freshSearches(server.origin, join(dir, 'bench.db'));
				const api = await load(`${server.origin}/api/v1/towns`);
				const rss = server.peakRssMB();
				const r = ratio(dash.rps, trivial.rps);
				return [
					{ label: '生成设计规模数据', value: `${fmt(generated, 1)} 秒` },
					{
						label: '简单页面 /ping',
						value: `${fmt(trivial.rps)} 次/秒，中位延迟 ${trivial.p50} ms`
					},
					{
						label: '区级进度页 /staff/campaign',
						value: `${fmt(dash.rps)} 次/秒，中位延迟 ${dash.p50} ms，错误 ${dash.errors + dash.non2xx}`
					},
					{
						label: '进度页 / 简单页面',
						value: fmt(r, 2),
						target: '≥ 0.25',
						pass: r >= 0.25 && dash.non2xx === 0
					},
					{
						label: '公示查询 /disclosures?q=松江',
						value: `${fmt(list.rps)} 次/秒（简单页面的 ${fmt(ratio(list.rps, trivial.rps), 2)}）`
					},
					{
						label: `公示查询，每次换一个查询词（${fresh.n} 个：名称片段、少见的两个字、信用代码开头）`,
						value: `中位 ${fmt(fresh.p50, 1)} ms，95% 在 ${fmt(fresh.p95, 1)} ms 内，最慢 ${fmt(fresh.max, 1)} ms；简单页面中位 ${fmt(fresh.ping, 1)} ms`,
						target: '95% ≤ 100 ms',
						pass: fresh.p95 <= 100 && fresh.errors === 0
					},
					{
						label: '开放数据 /api/v1/towns',
						value: `${fmt(api.rps)} 次/秒（简单页面的 ${fmt(ratio(api.rps, trivial.rps), 2)}）`
					},
					{
						label: '服务器内存峰值（进度页压测后 / 全部压测后）',
						value: `${fmt(dashRss)} MB / ${fmt(rss)} MB`,
						target: '< 300 MB',
						pass: rss < 300
					}
				];
			} finally {
				await server.stop();
			}
		}
	}
];
