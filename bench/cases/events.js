/** Events at the planned scale: 10,000 events on top of the demo data. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { fmt, load, ratio, scratchDir, startServer } from '../lib.js';

const PORT = 4340;

/** Adds `n` events straight into the server's database file (WAL allows a second writer). */
function addEvents(dbFile, n) {
	const db = new Database(dbFile);
	db.pragma('busy_timeout = 10000');
	const towns = db
		.prepare('select id from town')
		.all()
		.map((r) => r.id);
	const themes = db.prepare("select id from event_option where kind = 'theme'").all();
	const forms = db.prepare("select id from event_option where kind = 'form'").all();
	const insert = db.prepare(`insert or ignore into event (title, town_id, theme_id, form_id, venue,
		lat, lng, start_date, end_date, organisers, participants, materials, summary, is_public,
		created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
	const now = Date.now();
	db.transaction(() => {
		for (let i = 0; i < n; i++) {
			const start = new Date(Date.UTC(2023, 0, 1) + (i % 1400) * 86_400_000);
			const end = new Date(start.getTime() + (i % 7 === 0 ? 5 : 0) * 86_400_000);
			insert.run(
				`压测活动 ${i}`,
				towns[i % towns.length],
				themes[i % themes.length].id,
				forms[i % forms.length].id,
				'社区文化活动中心',
				31 + (i % 100) / 1000,
				121.2 + (i % 100) / 1000,
				start.toISOString().slice(0, 10),
				end.toISOString().slice(0, 10),
				'街镇党群服务中心',
				20 + (i % 300),
				'诚信宣传册 100 份',
				'向居民宣传诚信经营、诚信消费知识。',
				i % 6 === 0 ? 0 : 1,
				now,
				now
			);
		}
	})();
	const total = db.prepare('select count(*) n from event').get().n;
	db.close();
	return total;
}

async function login(origin, password) {
	const res = await fetch(`${origin}/login`, {
		method: 'POST',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username: 'admin', password }),
		redirect: 'manual'
	});
	const cookie = res.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error('登录失败');
	return cookie;
}

export const events = [
	{
		name: 'events',
		title: '宣传教育活动（1 万场活动）：公众页、开放数据、统计表，对比 /ping，32 个连接',
		async run() {
			const dir = scratchDir('events');
			const server = await startServer({ dir, port: PORT, env: { SEED_DEMO: '1' } });
			try {
				const total = addEvents(join(dir, 'bench.db'), 10_000);
				const cookie = await login(server.origin, server.adminPassword());
				const auth = { headers: { cookie } };
				const trivial = await load(`${server.origin}/ping`);
				const measured = [
					['公众活动页 /events', await load(`${server.origin}/events`)],
					['开放数据 /api/v1/events', await load(`${server.origin}/api/v1/events?page=20`)],
					[
						'开放数据按主题与期间筛选',
						await load(
							`${server.origin}/api/v1/events?theme=${encodeURIComponent('诚信进社区')}&from=2024-01-01&to=2024-12-31`
						)
					],
					['工作台活动列表 /staff/events', await load(`${server.origin}/staff/events`, auth)],
					[
						'街镇 × 主题统计（一年）',
						await load(`${server.origin}/staff/events/summary?from=2024-01-01&to=2024-12-31`, auth)
					],
					['活动月历', await load(`${server.origin}/staff/events/calendar?month=2024-06`, auth)]
				];
				return [
					{ label: '活动总数', value: fmt(total) },
					{
						label: '简单页面 /ping',
						value: `${fmt(trivial.rps)} 次/秒，中位延迟 ${trivial.p50} ms`
					},
					...measured.flatMap(([label, r]) => [
						{
							label,
							value: `${fmt(r.rps)} 次/秒，中位 ${r.p50} ms，p99 ${r.p99} ms，错误 ${r.errors + r.non2xx}`
						},
						{ label: `${label} / 简单页面`, value: fmt(ratio(r.rps, trivial.rps), 2) }
					])
				];
			} finally {
				await server.stop();
			}
		}
	}
];
