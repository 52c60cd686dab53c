/** Badges: the consumer's scan page under load, and a street's print page of 200 plaques. */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fmt, load, ratio, scratchDir, startServer } from '../lib.js';

const require = createRequire(import.meta.url);

function setup(dir, origin, merchants) {
	const out = execFileSync(
		process.execPath,
		[require.resolve('tsx/cli'), 'bench/badges-setup.ts', String(merchants)],
		{
			env: { ...process.env, DATABASE_URL: join(dir, 'bench.db'), DATA_DIR: dir, ORIGIN: origin },
			encoding: 'utf8'
		}
	);
	return JSON.parse(out.trim().split('\n').pop());
}

export const badgeCases = [
	{
		name: 'badges',
		title: '扫码页 /b/CODE 与 200 块牌匾的打印页，对比简单页面（/ping）',
		async run() {
			const dir = scratchDir('badges');
			const server = await startServer({ dir, port: 4350, env: { SEED_DEMO: '1' } });
			try {
				const data = setup(dir, server.origin, 200);
				const trivial = await load(`${server.origin}/ping`);
				const scan = await load(`${server.origin}/b/${data.code}`);
				const print = await load(`${server.origin}/staff/streets/${data.streetId}/print`, {
					connections: 8,
					headers: { cookie: data.cookie }
				});
				const printBytes = (
					await (
						await fetch(`${server.origin}/staff/streets/${data.streetId}/print`, {
							headers: { cookie: data.cookie }
						})
					).text()
				).length;
				const scanHtml = await (await fetch(`${server.origin}/b/${data.code}`)).text();
				const scanRatio = ratio(scan.rps, trivial.rps);
				const scanErrors = scan.errors + scan.non2xx;
				return [
					{
						label: '简单页面 /ping',
						value: `${fmt(trivial.rps)} 次/秒，中位延迟 ${trivial.p50} ms`
					},
					{
						label: '扫码页 /b/CODE（32 连接）',
						value: `${fmt(scan.rps)} 次/秒，中位延迟 ${scan.p50} ms，p99 ${scan.p99} ms，错误 ${scanErrors}，HTML ${fmt(Buffer.byteLength(scanHtml) / 1024, 1)} KB`
					},
					{
						label: '扫码页 / 简单页面',
						value: fmt(scanRatio, 2),
						target: '≥ 0.70，无错误',
						pass: scanRatio >= 0.7 && scanErrors === 0
					},
					{
						label: '打印页（200 块牌匾，8 连接）',
						value: `${fmt(print.rps, 1)} 次/秒，中位延迟 ${print.p50} ms，p99 ${print.p99} ms，错误 ${print.errors + print.non2xx}，HTML ${fmt(printBytes / 1024)} KB`
					},
					{ label: '打印页 / 简单页面', value: fmt(ratio(print.rps, trivial.rps), 3) }
				];
			} finally {
				await server.stop();
			}
		}
	}
];
