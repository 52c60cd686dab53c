/**
 * Demo metrology demonstration units: named markets with fair scales and their checks, one with an
 * overdue instrument, one still being built, a petrol station and a pharmacy. Written through the
 * metrology and inspection modules.
 */
import * as metrology from '../src/lib/server/metrology';
import { instruments } from '../src/lib/server/streets';
import { SYSTEM } from '../src/lib/server/actor';
import { inspectUnit, unitInput } from '../src/lib/server/testing/factories';
import { todayISO } from '../src/lib/format';
import { TOWN_CENTRES } from './events';
import type { UnitKind } from '../src/lib/metrology';

const UNITS: {
	town: string;
	name: string;
	kind: UnitKind;
	scales: number;
	score: number;
	overdue?: boolean;
}[] = [
	{ town: 'yueyang', name: '岳阳农贸市场', kind: 'wet_market', scales: 2, score: 93 },
	{
		town: 'zhongshan',
		name: '中山菜市场',
		kind: 'wet_market',
		scales: 2,
		score: 88,
		overdue: true
	},
	{ town: 'sijing', name: '泗泾集贸市场', kind: 'fair_market', scales: 1, score: 86 },
	{ town: 'jiuting', name: '九亭生鲜超市', kind: 'supermarket', scales: 1, score: 90 },
	{ town: 'chedun', name: '车墩加油站', kind: 'petrol_station', scales: 0, score: 91 },
	{ town: 'fangsong', name: '方松大药房', kind: 'pharmacy', scales: 0, score: 87 },
	{ town: 'xinqiao', name: '新桥农贸市场', kind: 'wet_market', scales: 1, score: 0 }
];

export function seedMetrologyDemo(now = new Date()): string {
	if (metrology.list(null, { limit: 1 }).total > 0) return '诚信计量示范单位已存在';
	const today = todayISO(now);
	const year = Number(today.slice(0, 4));
	let named = 0;
	for (const [i, d] of UNITS.entries()) {
		const [lat, lng] = TOWN_CENTRES[d.town] ?? [31.03, 121.23];
		const u = metrology.create(
			SYSTEM,
			unitInput(d.town, {
				name: `${d.name}（演示）`,
				kind: d.kind,
				lat: lat + 0.003,
				lng: lng - 0.003
			})
		);
		const type = d.kind === 'petrol_station' ? 'fuel_dispenser' : 'price_scale';
		for (let k = 0; k < 3; k++)
			instruments.create(
				SYSTEM,
				{ unitId: u.id },
				{
					type,
					serial: `JL-${u.id}-${k + 1}`,
					lastVerifiedOn: `${year - 1}-0${k + 3}-15`,
					nextDueOn: d.overdue && k === 0 ? `${year}-03-15` : `${year + 1}-0${k + 3}-15`,
					certificateNo: `SJJL${year}${String(u.id * 10 + k).padStart(5, '0')}`,
					note: ''
				}
			);
		for (let k = 0; k < d.scales; k++) {
			const s = metrology.addScale(SYSTEM, u.id, {
				serial: `GPC-${u.id}-${k + 1}`,
				place: k ? '市场西门' : '市场服务台'
			});
			metrology.checkScale(
				SYSTEM,
				u.id,
				{
					scaleId: s.id,
					checkedOn: today,
					checker: '区市场监管局计量科',
					result: 'pass',
					note: ''
				},
				now
			);
		}
		if (d.score) {
			inspectUnit(SYSTEM, u.id, d.score, new Date(now.getTime() - (i + 1) * 20 * 86_400_000));
			named += 1;
		}
	}
	return `诚信计量示范单位 ${UNITS.length} 家（已命名 ${named} 家）`;
}
