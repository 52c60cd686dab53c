/**
 * Many streets full of merchants, for the public map, the bench and the tests: realistic
 * Songjiang streets with geometry and merchants placed along them, inspected and now and then
 * commended.
 */
import { sql } from 'drizzle-orm';
import { db } from '../db';
import { merchant } from '../db/schema';
import * as towns from '../towns';
import * as streets from '../streets';
import { merchants, supervision } from '../streets';
import { SYSTEM, type Actor } from '../actor';
import { todayISO } from '../../format';
import type { MerchantCategory, StreetGeometry } from '../db/schema';
import type { MerchantInput, StreetInput } from '../../schemas/streets';
import { addDays, pick, rng, round5 } from './random';
import { inspectMerchant, soleTraderUscc } from './streets';

export type StreetSeed = {
	town: string;
	name: string;
	kind: 'line' | 'polygon';
	/** WGS-84 [lat, lng]: a line's two ends, or a polygon's centre. */
	from: [number, number];
	to?: [number, number];
	status: 'building' | 'awarded';
};

const seed = (
	town: string,
	name: string,
	status: StreetSeed['status'],
	from: [number, number],
	to?: [number, number]
): StreetSeed => ({ town, name, kind: to ? 'line' : 'polygon', from, to, status });

/** Streets in Songjiang, placed on the real streets they are named after. */
export const STREETS: StreetSeed[] = [
	seed('yueyang', '中山中路诚信示范街', 'awarded', [31.0106, 121.2198], [31.0112, 121.2342]),
	seed('yongfeng', '仓城历史风貌区诚信街', 'awarded', [31.0039, 121.2041]),
	seed('fangsong', '开元地中海商业街', 'awarded', [31.0349, 121.2268]),
	seed('zhongshan', '荣乐东路诚信示范街', 'awarded', [30.9973, 121.2381], [30.9991, 121.2499]),
	seed('sijing', '泗泾下塘历史文化街', 'awarded', [31.1178, 121.2611], [31.1195, 121.2668]),
	seed('sheshan', '佘山镇外青松公路商业街', 'awarded', [31.0908, 121.1935], [31.0979, 121.1962]),
	seed('jiuting', '九亭大街诚信示范街', 'building', [31.1336, 121.3118], [31.1352, 121.3221]),
	seed('chedun', '车墩镇影视路商业街', 'building', [30.9862, 121.3068], [30.9897, 121.3131]),
	seed('yexie', '叶榭老街', 'awarded', [30.9402, 121.2689], [30.9419, 121.2741]),
	seed('guangfulin', '广富林文化商业街', 'building', [31.0569, 121.2113])
];

const PREFIXES = [
	...['松江', '云间', '茸城', '华亭', '仓城', '老街', '王记', '李记', '张记', '陈记', '沈记'],
	...['顾记', '周家', '吴家', '阿婆', '福满', '鑫源', '百味', '恒丰', '永兴', '泗泾', '佘山'],
	...['小桥', '金穗', '和顺']
];

const KINDS: Record<MerchantCategory, string[]> = {
	catering: ['面馆', '小笼馆', '馄饨店', '饭店', '本帮菜馆', '茶餐厅', '酒家', '汤包馆'],
	retail: ['超市', '便利店', '五金店', '文具店', '服装店', '眼镜店', '大药房', '日用百货'],
	food: ['水果店', '糕团店', '熟食店', '粮油店', '烘焙坊', '茶叶店', '干货行'],
	service: ['理发店', '洗衣店', '照相馆', '修车行', '图文打印', '家电维修'],
	other: ['花店', '书店', '宠物店', '钟表店']
};

const CATEGORY_WEIGHTS: [MerchantCategory, number][] = [
	['catering', 0.34],
	['retail', 0.24],
	['food', 0.2],
	['service', 0.15],
	['other', 0.07]
];

function pickCategory(r: () => number): MerchantCategory {
	let x = r();
	for (const [c, w] of CATEGORY_WEIGHTS) {
		x -= w;
		if (x <= 0) return c;
	}
	return 'other';
}

export function geometryOf(s: StreetSeed): StreetGeometry {
	const [lat, lng] = s.from;
	if (s.kind === 'line' && s.to) {
		const mid: [number, number] = [
			round5((lng + s.to[1]) / 2),
			round5((lat + s.to[0]) / 2 + 0.0002)
		];
		return { type: 'LineString', coordinates: [[lng, lat], mid, [s.to[1], s.to[0]]] };
	}
	const [dy, dx] = [0.0016, 0.0022];
	const corner = (x: number, y: number): [number, number] => [
		round5(lng + x * dx),
		round5(lat + y * dy)
	];
	return {
		type: 'Polygon',
		coordinates: [[corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1), corner(-1, -1)]]
	};
}

/** A point on or in a street, a little off the centre line, as shops stand. */
function pointOn(s: StreetSeed, r: () => number): [number, number] {
	if (s.kind === 'line' && s.to) {
		const t = r();
		const side = (r() - 0.5) * 0.0006;
		return [
			round5(s.from[0] + (s.to[0] - s.from[0]) * t + side),
			round5(s.from[1] + (s.to[1] - s.from[1]) * t + side * 0.3)
		];
	}
	return [round5(s.from[0] + (r() - 0.5) * 0.003), round5(s.from[1] + (r() - 0.5) * 0.004)];
}

export type StreetFill = { streetId: number; townId: number; merchants: number };

/** What `fillStreets` writes, as plain inputs: the same plan for the domain and the bulk writer. */
export type StreetPlan = {
	seed: StreetSeed;
	street: StreetInput;
	merchants: {
		input: MerchantInput;
		/** Null: not inspected yet. */
		score: number | null;
		inspectedAt: Date | null;
		commendedAt: Date | null;
	}[];
};

export const COMMENDATION = {
	kind: 'commendation',
	points: 0,
	title: '街区表扬：主动为顾客退换商品',
	publicNote: '自律委员会通报表扬。'
} as const;

export type FillOptions = {
	streets?: StreetSeed[];
	perStreet?: number;
	seed?: number;
	/** Added to every merchant name, so test data never collides with demo data. */
	suffix?: string;
	now?: Date;
};

/**
 * Streets and `perStreet` merchants on each (`streets` defaults to STREETS). Most merchants are
 * inspected at a score between 68 and 99 some days ago; about one in eight is then commended.
 * `firstNumber` makes the merchants' codes unique in the database.
 */
export function planStreets(opts: FillOptions, firstNumber: number): StreetPlan[] {
	const perStreet = opts.perStreet ?? 12;
	const r = rng(opts.seed ?? 20260601);
	const today = todayISO(opts.now ?? new Date());
	const used = new Set<string>();
	let n = firstNumber;
	return (opts.streets ?? STREETS).map((s) => {
		const t = towns.bySlug(s.town);
		if (!t) throw new Error(`未知街镇 ${s.town}`);
		const street: StreetInput = {
			name: s.name,
			townId: t.id,
			geometry: geometryOf(s),
			status: s.status,
			convention: `${s.name}商户共同遵守：明码标价、足斤足两、诚信经营、文明服务，欢迎顾客监督。`,
			description: `${t.name}${s.name}，沿街商户签署诚信经营承诺，接受消费者监督。`,
			committeeContact: `${s.name}自律委员会`,
			committeePhone: '021-5781' + String(1000 + Math.floor(r() * 8999))
		};
		const road = s.name.replace(/诚信示范街|商业街|诚信街|历史文化街|历史风貌区/, '');
		const merchants: StreetPlan['merchants'] = [];
		for (let i = 0; i < perStreet; i++) {
			n += 1;
			const category = pickCategory(r);
			let name = `${pick(r, PREFIXES)}${pick(r, KINDS[category])}${opts.suffix ?? ''}`;
			if (used.has(name)) name = `${name}（${s.name.slice(0, 2)}${i + 1}号店）`;
			if (used.has(name)) name = `${name.replace(/（.*）$/, '')}（${n}号店）`;
			used.add(name);
			const unrated = r() < 0.08;
			const score = Math.round((68 + r() * 31) * 2) / 2;
			const [lat, lng] = pointOn(s, r);
			const input: MerchantInput = {
				name,
				uscc: soleTraderUscc(n),
				streetId: 0,
				address: `上海市松江区${road}${10 + i * 2}号`,
				lat,
				lng,
				category,
				tradingStatus: 'open',
				contactName: '',
				contactPhone: ''
			};
			if (unrated) {
				merchants.push({ input, score: null, inspectedAt: null, commendedAt: null });
				continue;
			}
			const at = new Date(`${addDays(today, -Math.floor(r() * 300) - 5)}T02:00:00Z`);
			const commended = r() < 0.12 ? new Date(at.getTime() + 20 * 86_400_000) : null;
			merchants.push({ input, score, inspectedAt: at, commendedAt: commended });
		}
		return { seed: s, street, merchants };
	});
}

/** The highest merchant id so far: plans number their merchants' codes from it. */
export function lastMerchantNumber(): number {
	return db
		.select({ n: sql<number>`coalesce(max(${merchant.id}), 0)` })
		.from(merchant)
		.get()!.n;
}

/**
 * Writes the plan through the domain, in one transaction: each merchant is inspected, so its
 * level, score and badge are the ones an inspector's submission gives. About 15 ms a merchant:
 * for thousands, the CLI's `demo streets` writes the same plan in bulk (seeds/bulk.ts).
 */
export function fillStreets(opts: FillOptions & { actor?: Actor } = {}): StreetFill[] {
	const actor = opts.actor ?? SYSTEM;
	const now = opts.now ?? new Date();
	return db.transaction(() =>
		planStreets(opts, lastMerchantNumber()).map((plan) => {
			const s = streets.create(actor, plan.street, now);
			for (const m of plan.merchants) {
				const created = merchants.create(actor, { ...m.input, streetId: s.id }, now);
				if (m.score == null || !m.inspectedAt) continue;
				inspectMerchant(actor, created.id, m.score, { now: m.inspectedAt });
				if (m.commendedAt)
					supervision.record(actor, created.id, { ...COMMENDATION, occurredAt: m.commendedAt });
			}
			return { streetId: s.id, townId: s.townId, merchants: plan.merchants.length };
		})
	);
}

/** Many streets for load tests: every town gets streets named after its roads, filled evenly. */
export function benchStreets(total: number): StreetSeed[] {
	const roads = [
		'人民路',
		'中山路',
		'荣乐路',
		'谷阳路',
		'新松江路',
		'玉树路',
		'广富林路',
		'文诚路'
	];
	const all = towns.list();
	const out: StreetSeed[] = [];
	const r = rng(7);
	for (let i = 0; out.length < total; i++) {
		const t = all[i % all.length];
		const base = STREETS.find((s) => s.town === t.slug)?.from ?? [
			31.0 + r() * 0.12,
			121.12 + r() * 0.2
		];
		const lat = round5(base[0] + (r() - 0.5) * 0.03);
		const lng = round5(base[1] + (r() - 0.5) * 0.03);
		const round = Math.floor(i / (all.length * roads.length));
		const short = t.name.replace(/街道|镇|国家旅游度假区|经济技术开发区/, '');
		const road = roads[Math.floor(i / all.length) % roads.length];
		out.push(
			seed(
				t.slug,
				`${short}${road}${round ? `${round + 1}段` : ''}诚信街`,
				'awarded',
				[lat, lng],
				[round5(lat + 0.002), round5(lng + 0.006)]
			)
		);
	}
	return out;
}
