/**
 * Exports at design scale (200,000 enterprises, 50,000 commitments): 16 anonymous XLSX exports of
 * the public disclosure list at once, first from one address, then from 16 addresses each with its
 * own search (nothing shared, nothing cached). Meanwhile the scan page /b/{code} is asked once
 * every 100 ms. Pass: every scan answered within 1 s, the server's peak memory under 600 MB, and
 * the exports beyond the limits refused with 429.
 */
import { fmt, startServer } from '../lib.js';
import { prepare as prepareScale } from './core.js';

const PORT = Number(process.env.BENCH_EXPORTS_PORT ?? 4601);

function prepare(origin) {
	if (process.env.BENCH_EXPORTS_DIR)
		return { dir: process.env.BENCH_EXPORTS_DIR, code: process.env.BENCH_EXPORTS_CODE };
	return prepareScale(origin, 'exports');
}

/** Asks `url` every `everyMs` until `stop()`; returns the slowest answer and the failures. */
function probe(url, everyMs = 100) {
	const times = [];
	const slow = [];
	const t0 = performance.now();
	let failures = 0;
	let running = true;
	const loop = (async () => {
		while (running) {
			const t = performance.now();
			try {
				const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
				await res.arrayBuffer();
				if (!res.ok) failures += 1;
			} catch {
				failures += 1;
			}
			times.push(performance.now() - t);
			if (performance.now() - t > 500)
				slow.push(`${fmt((t - t0) / 1000, 1)} 秒时 ${fmt(performance.now() - t)} ms`);
			await new Promise((r) => setTimeout(r, everyMs));
		}
	})();
	return async () => {
		running = false;
		await loop;
		const sorted = [...times].sort((a, b) => a - b);
		return {
			n: times.length,
			max: sorted.at(-1) ?? 0,
			p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
			failures,
			slow
		};
	};
}

async function burst(origin, n, request) {
	const started = performance.now();
	const results = await Promise.all(
		Array.from({ length: n }, async (_, i) => {
			const { path, headers } = request(i);
			const res = await fetch(origin + path, { headers });
			const body = new Uint8Array(await res.arrayBuffer());
			return { status: res.status, bytes: body.byteLength };
		})
	);
	return {
		seconds: (performance.now() - started) / 1000,
		ok: results.filter((r) => r.status === 200),
		refused: results.filter((r) => r.status === 429).length,
		other: results.filter((r) => r.status !== 200 && r.status !== 429).length
	};
}

export const exportCases = [
	{
		name: 'exports',
		title: '16 个匿名 XLSX 导出同时进行时扫码页 /b/{code} 的响应与内存（设计规模数据）',
		async run() {
			const origin = `http://127.0.0.1:${PORT}`;
			const { dir, code } = prepare(origin);
			const server = await startServer({
				dir,
				port: PORT,
				env: { SEED_DEMO: '1', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }
			});
			const out = [];
			try {
				const scan = `${origin}/b/${code}`;
				if ((await fetch(scan)).status !== 200) throw new Error(`扫码页 ${scan} 打不开`);
				const cases = [
					[
						'同一地址 16 个',
						() => ({ path: '/disclosures/export?format=xlsx', headers: {} }),
						(b) => b.ok.length <= 2 && b.refused >= 14
					],
					[
						'16 个地址各带不同搜索词',
						(i) => ({
							path: `/disclosures/export?format=xlsx&q=${encodeURIComponent(`有限公司${i}`)}`,
							headers: { 'x-forwarded-for': `10.0.0.${i + 1}` }
						}),
						(b) => b.ok.length >= 1 && b.ok.length <= 6
					],
					[
						'16 个地址同一文件（按版本缓存）',
						(i) => ({
							path: '/disclosures/export?format=xlsx',
							headers: { 'x-forwarded-for': `10.0.1.${i + 1}` }
						}),
						(b) => b.ok.length >= 1
					]
				];
				for (const [label, request, expected] of cases) {
					const stop = probe(scan);
					const b = await burst(origin, 16, request);
					const p = await stop();
					const sizes = b.ok.map((r) => r.bytes);
					out.push({
						label: `${label}：导出`,
						value: `${b.ok.length} 个完成（${fmt(Math.max(0, ...sizes) / 1024)} KB），${b.refused} 个 429，其他 ${b.other}，用时 ${fmt(b.seconds, 1)} 秒`,
						target: '超出限额的答 429',
						pass: expected(b) && b.other === 0
					});
					out.push({
						label: `${label}：扫码页最慢`,
						value: `${fmt(p.max)} ms（${p.n} 次，p99 ${fmt(p.p99)} ms，失败 ${p.failures}${p.slow.length ? `；慢：${p.slow.join('、')}` : ''}）`,
						target: '< 1000 ms',
						pass: p.max < 1000 && p.failures === 0
					});
				}
				const peak = server.peakRssMB();
				out.push({
					label: '服务器内存峰值',
					value: `${fmt(peak)} MB`,
					target: '< 600 MB',
					pass: peak < 600
				});
			} finally {
				await server.stop();
			}
			return out;
		}
	}
];
