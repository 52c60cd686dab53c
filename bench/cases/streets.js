/**
 * Honesty streets at the planned scale: 5,000 merchants and 20,000 inspections with their archive
 * entries and badges, written straight into the scratch database between two server starts.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { fmt, load, ratio, scratchDir, startServer } from '../lib.js';

const MERCHANTS = 5000;
const INSPECTIONS = 20000;

function fill(file) {
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	const now = Date.now();
	const towns = db
		.prepare('select id from town order by id')
		.all()
		.map((r) => r.id);
	const std = db
		.prepare("select id from standard where kind = 'merchant' and status = 'published'")
		.get().id;
	const insStreet = db.prepare(
		`insert into street (town_id, name, geometry, status, convention, description, committee_contact, committee_phone, created_at, updated_at)
		 values (?, ?, ?, 'awarded', '诚信经营，明码标价', '', '联系人', '021-57800000', ?, ?)`
	);
	const insMerchant = db.prepare(
		`insert into merchant (street_id, town_id, name, uscc, address, lat, lng, category, level, score, last_inspected_on, created_at, updated_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insInspection = db.prepare(
		`insert into inspection (kind, merchant_id, street_id, town_id, standard_id, inspected_on, status, total, veto_hits, result, summary, created_at, submitted_at)
		 values ('merchant', ?, ?, ?, ?, ?, 'submitted', ?, 0, ?, '', ?, ?)`
	);
	const insBadge = db.prepare(
		`insert into badge (merchant_id, level, state, granted_at, valid_until, serial, year, seq, inspection_id, state_reason, state_changed_at)
		 values (?, ?, 'valid', ?, '2099-12-31', ?, 2099, ?, ?, '', ?)`
	);
	const insEntry = db.prepare(
		`insert into archive_entry (merchant_id, town_id, kind, occurred_at, points, score_after, title, public_note, internal_note, complainant, public, created_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, '', '', 1, ?)`
	);
	const setBadge = db.prepare(
		'update merchant set current_badge_id = ?, last_inspection_id = ? where id = ?'
	);
	db.transaction(() => {
		const streets = [];
		for (let s = 0; s < 100; s++) {
			const town = towns[s % towns.length];
			const lng = 121.15 + (s % 10) * 0.02;
			const lat = 30.95 + Math.floor(s / 10) * 0.02;
			const geometry = JSON.stringify({
				type: 'LineString',
				coordinates: [
					[lng, lat],
					[lng + 0.01, lat]
				]
			});
			streets.push({
				id: Number(insStreet.run(town, `压测示范街${s}`, geometry, now, now).lastInsertRowid),
				town,
				lng,
				lat
			});
		}
		let seq = 0;
		for (let i = 0; i < MERCHANTS; i++) {
			const s = streets[i % streets.length];
			const score = 60 + (i % 40);
			const level = score >= 90 ? 'model' : score >= 75 ? 'honest' : 'none';
			const id = Number(
				insMerchant.run(
					s.id,
					s.town,
					`压测商户${i}`,
					`BENCH${String(i).padStart(13, '0')}`,
					`压测路 ${i} 号`,
					s.lat + (i % 50) * 0.0001,
					s.lng + (i % 50) * 0.0002,
					'retail',
					level,
					score,
					'2026-01-01',
					now,
					now
				).lastInsertRowid
			);
			let last = 0;
			for (let k = 0; k < INSPECTIONS / MERCHANTS; k++) {
				const at = now - (4 - k) * 90 * 86_400_000;
				last = Number(
					insInspection.run(id, s.id, s.town, std, '2026-01-01', score, level, at, at)
						.lastInsertRowid
				);
				insEntry.run(
					id,
					s.town,
					'inspection',
					at,
					0,
					score,
					`检查评审 ${score} 分`,
					'检查日期 2026-01-01',
					at
				);
			}
			insEntry.run(id, s.town, 'complaint', now, -5, score - 5, '投诉属实', '价签不清', now);
			if (level !== 'none') {
				seq++;
				const b = Number(
					insBadge.run(id, level, now, `SJ-2099-${String(seq).padStart(6, '0')}`, seq, last, now)
						.lastInsertRowid
				);
				setBadge.run(b, last, id);
			}
		}
	})();
	db.close();
}

export const streetCases = [
	{
		name: 'streets',
		title: `示范街开放数据与公众档案（${MERCHANTS} 家商户、${INSPECTIONS} 次检查），对比 /ping，32 个连接`,
		async run() {
			const dir = scratchDir('streets');
			let server = await startServer({ dir, port: 4332, env: { SEED_DEMO: '0' } });
			await server.stop();
			fill(join(dir, 'bench.db'));
			server = await startServer({ dir, port: 4333, env: { SEED_DEMO: '0' } });
			try {
				const o = server.origin;
				const ping = await load(`${o}/ping`);
				const rows = [
					{ label: '简单页面 /ping', value: `${fmt(ping.rps)} 次/秒，中位延迟 ${ping.p50} ms` }
				];
				for (const [label, url] of [
					['商户列表 API（按等级、第 20 页）', `${o}/api/v1/merchants?level=honest&page=20`],
					['商户列表 API（按街镇）', `${o}/api/v1/merchants?town=sheshan`],
					['商户详情 API（含档案）', `${o}/api/v1/merchants/2500`],
					['示范街 API', `${o}/api/v1/streets`],
					['公众商户档案页', `${o}/merchants/2500`],
					['诚信红榜', `${o}/redlist`]
				]) {
					const r = await load(url);
					rows.push({
						label,
						value: `${fmt(r.rps)} 次/秒，中位延迟 ${r.p50} ms，错误 ${r.errors + r.non2xx}；对 /ping ${fmt(ratio(r.rps, ping.rps), 2)}`
					});
				}
				return rows;
			} finally {
				await server.stop();
			}
		}
	}
];
