/** The benchmark cases; each returns rows of { label, value, target?, pass? }. */
import { fmt, load, ratio, scratchDir, startServer } from './lib.js';
import { badgeCases } from './cases/badges.js';
import { streetCases } from './cases/streets.js';
import { events } from './cases/events.js';
import campaign from './cases/campaign.js';
import { publicCases } from './cases/public.js';
import { coreCases } from './cases/core.js';
import { drillCases } from './cases/drills.js';
import { exportCases } from './cases/exports.js';

export const cases = [
	{
		name: 'home',
		title: '首页对比简单页面（/ping），32 个连接',
		async run() {
			const server = await startServer({ dir: scratchDir('home'), env: { SEED_DEMO: '1' } });
			try {
				const trivial = await load(`${server.origin}/ping`);
				const home = await load(`${server.origin}/`);
				return [
					{
						label: '简单页面 /ping',
						value: `${fmt(trivial.rps)} 次/秒，中位延迟 ${trivial.p50} ms`
					},
					{
						label: '首页 /',
						value: `${fmt(home.rps)} 次/秒，中位延迟 ${home.p50} ms，错误 ${home.errors + home.non2xx}`
					},
					{ label: '首页 / 简单页面', value: fmt(ratio(home.rps, trivial.rps), 2) }
				];
			} finally {
				await server.stop();
			}
		}
	},
	...events,
	...campaign,
	...streetCases,
	...badgeCases,
	...publicCases,
	...coreCases,
	...drillCases,
	...exportCases
];
