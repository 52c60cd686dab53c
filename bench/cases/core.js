/**
 * The core's speed targets, on design-scale data (200,000 enterprises, 50,000 commitments, 5,000
 * merchants on 100 streets, the demo data), all as ratios measured in this run:
 * - every public page against /ping of the same server: ≥ 0.6, p99 < 300 ms at 32 connections;
 * - /api/v1/map answering 304 against /ping: ≥ 1.5;
 * - WORKERS=2 against WORKERS=1 on the same database, for the scan page and /api/v1/map: ≥ 1.3.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fmt, load, ratio, scratchDir, startServer } from '../lib.js';

const require = createRequire(import.meta.url);

/** Design-scale data and one badge's code (bench/badges-setup.ts writes it through the domain). */
export function prepare(origin, name = 'core') {
	const dir = scratchDir(name);
	const env = {
		...process.env,
		DATABASE_URL: join(dir, 'bench.db'),
		DATA_DIR: dir,
		ORIGIN: origin
	};
	const run = (...args) => execFileSync(process.execPath, args, { env, encoding: 'utf8' });
	run('scripts/cli.js', 'demo', 'streets', '--streets', '100', '--per-street', '50');
	run(
		'scripts/cli.js',
		'campaign',
		'generate',
		'--enterprises',
		'200000',
		'--commitments',
		'50000'
	);
	const badge = JSON.parse(
		run(require.resolve('tsx/cli'), 'bench/badges-setup.ts', '1').trim().split('\n').pop()
	);
	return { dir, code: badge.code };
}

/** A merchant's public page and an event to load. */
async function targets(origin) {
	const map = await (await fetch(`${origin}/api/v1/map`)).json();
	const merchant = map.merchants.find((m) => m[5] === 'm') ?? map.merchants[0];
	const list = await (await fetch(`${origin}/api/v1/events?pageSize=1`)).json();
	return { merchantId: merchant[0], eventId: list.items[0]?.id };
}

function row(label, r, base, target) {
	const rr = ratio(r.rps, base.rps);
	const errors = r.errors + r.non2xx;
	return {
		label,
		value: `${fmt(rr, 2)}（${fmt(r.rps)} 次/秒，p99 ${r.p99} ms，错误 ${errors}）`,
		target: target?.text,
		pass: target ? target.pass(rr, r) && errors === 0 : undefined
	};
}

export const coreCases = [
	{
		name: 'core',
		title: '公众页面、地图数据 304、WORKERS=2 对比 WORKERS=1（设计规模数据）',
		async run() {
			const { dir, code } = prepare('http://127.0.0.1:4370');
			const out = [];
			let etag;
			const one = await startServer({ dir, port: 4370, env: { SEED_DEMO: '1' } });
			try {
				const t = await targets(one.origin);
				etag = (await fetch(`${one.origin}/api/v1/map`)).headers.get('etag');
				const ping = await load(`${one.origin}/ping`);
				out.push({ label: '简单页面 /ping', value: `${fmt(ping.rps)} 次/秒，p99 ${ping.p99} ms` });
				const pages = [
					['首页 /', '/'],
					['商户列表 /map/list', '/map/list'],
					['红榜 /redlist', '/redlist'],
					['宣传教育活动 /events', '/events'],
					[`商户 /merchants/${t.merchantId}`, `/merchants/${t.merchantId}`],
					['信用承诺公示 /disclosures', '/disclosures']
				];
				const publicTarget = {
					text: '≥ 0.6，p99 < 300 ms',
					pass: (rr, r) => rr >= 0.6 && r.p99 < 300
				};
				for (const [label, path] of pages)
					out.push(row(`${label} / 简单页面`, await load(one.origin + path), ping, publicTarget));
				const revalidate = await load(`${one.origin}/api/v1/map`, {
					headers: { 'if-none-match': etag }
				});
				out.push(
					row('地图数据 304 / 简单页面', { ...revalidate, non2xx: 0 }, ping, {
						text: '≥ 1.5',
						pass: (rr) => rr >= 1.5
					})
				);
			} finally {
				await one.stop();
			}

			// WORKERS=1 and WORKERS=2 on the same database, one after the other, same load
			const scaling = {};
			for (const workers of [1, 2]) {
				const server = await startServer({
					dir,
					port: 4371 + workers,
					workers,
					env: { SEED_DEMO: '1' }
				});
				try {
					scaling[workers] = {
						scan: await load(`${server.origin}/b/${code}`),
						map: await load(`${server.origin}/api/v1/map`, {
							headers: { 'accept-encoding': 'gzip' }
						})
					};
				} finally {
					await server.stop();
				}
			}
			for (const [key, label] of [
				['scan', '扫码页 /b/CODE'],
				['map', '地图数据 /api/v1/map']
			]) {
				const r1 = scaling[1][key];
				const r2 = scaling[2][key];
				const rr = ratio(r2.rps, r1.rps);
				const errors = r1.errors + r1.non2xx + r2.errors + r2.non2xx;
				out.push({
					label: `${label}：WORKERS=2 / WORKERS=1`,
					value: `${fmt(rr, 2)}（${fmt(r2.rps)} 对 ${fmt(r1.rps)} 次/秒，错误 ${errors}）`,
					target: '≥ 1.3',
					pass: rr >= 1.3 && errors === 0
				});
			}
			return out;
		}
	}
];
