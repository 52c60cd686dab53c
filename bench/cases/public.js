/** The public side: the map data at 5,000 merchants (size, caching) and the public pages' speed. */
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { fmt, load, ratio, scratchDir, startServer } from '../lib.js';

/** Raw bytes on the wire (no decompression), status and headers. */
function raw(url, headers = {}) {
	return new Promise((resolve, reject) => {
		request(url, { headers }, (res) => {
			let bytes = 0;
			res.on('data', (d) => (bytes += d.length));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, bytes }));
		})
			.on('error', reject)
			.end();
	});
}

export const publicCases = [
	{
		name: 'public',
		title: '公众地图：5,000 家商户的地图数据大小、缓存，以及对比简单页面（/ping）的吞吐',
		async run() {
			const dir = scratchDir('public');
			const env = { ...process.env, DATABASE_URL: join(dir, 'bench.db'), DATA_DIR: dir };
			execFileSync(
				process.execPath,
				['scripts/cli.js', 'demo', 'streets', '--streets', '100', '--per-street', '50'],
				{ env, stdio: 'pipe' }
			);
			const server = await startServer({ dir, port: 4360, env: { SEED_DEMO: '0' } });
			try {
				const url = `${server.origin}/api/v1/map`;
				const gz = await raw(url, { 'accept-encoding': 'gzip' });
				const plain = await raw(url);
				const again = await raw(url, { 'if-none-match': gz.headers.etag });
				const merchants = (await (await fetch(url)).json()).merchants.length;
				const trivial = await load(`${server.origin}/ping`);
				const map = await load(url, { headers: { 'accept-encoding': 'gzip' } });
				const revalidate = await load(url, { headers: { 'if-none-match': gz.headers.etag } });
				const home = await load(`${server.origin}/`);
				const list = await load(`${server.origin}/map/list?level=model`);
				const kb = gz.bytes / 1024;
				return [
					{ label: '地图数据中的商户', value: `${merchants} 家` },
					{
						label: '地图数据 gzip 后大小',
						value: `${fmt(kb, 1)} KB（未压缩 ${fmt(plain.bytes / 1024, 1)} KB）`,
						target: '< 200 KB',
						pass: kb < 200 && merchants >= 5000
					},
					{
						label: '缓存',
						value: `${gz.headers['cache-control']}，ETag ${gz.headers.etag}，带 If-None-Match 再请求：${again.status}`,
						pass: again.status === 304
					},
					{
						label: '简单页面 /ping',
						value: `${fmt(trivial.rps)} 次/秒，中位延迟 ${trivial.p50} ms`
					},
					{
						label: '地图数据 /api/v1/map（gzip）',
						value: `${fmt(map.rps)} 次/秒，中位延迟 ${map.p50} ms，错误 ${map.errors + map.non2xx}`
					},
					{ label: '地图数据 / 简单页面', value: fmt(ratio(map.rps, trivial.rps), 2) },
					{
						label: '地图数据再验证（304）/ 简单页面',
						value: fmt(ratio(revalidate.rps, trivial.rps), 2)
					},
					{
						label: '首页 / 简单页面',
						value: `${fmt(ratio(home.rps, trivial.rps), 2)}（${fmt(home.rps)} 次/秒，错误 ${home.errors + home.non2xx}）`
					},
					{
						label: '商户列表 /map/list / 简单页面',
						value: `${fmt(ratio(list.rps, trivial.rps), 2)}（${fmt(list.rps)} 次/秒，错误 ${list.errors + list.non2xx}）`
					}
				];
			} finally {
				await server.stop();
			}
		}
	}
];
