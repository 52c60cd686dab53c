/**
 * Honesty streets and their merchants for the public map: realistic Songjiang streets with
 * geometry, merchants placed along them with levels, badges and a short public archive.
 * Used by the bench (5,000 merchants, through `npm run cli -- demo streets`) and the unit tests.
 */
import { sql } from 'drizzle-orm';
import { db } from '../src/lib/server/db';
import { archiveEntry, badge, merchant, street } from '../src/lib/server/db/schema';
import type { Level, MerchantCategory, StreetGeometry } from '../src/lib/server/db/schema';
import * as towns from '../src/lib/server/towns';
import { withCheckCharacter } from '../src/lib/uscc';

/** A small deterministic generator, so demo data and test data are the same on every run. */
export function rng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type StreetSeed = {
	town: string;
	name: string;
	kind: 'line' | 'polygon';
	/** WGS-84 [lat, lng]: a line's two ends, or a polygon's centre. */
	from: [number, number];
	to?: [number, number];
	status: 'building' | 'awarded';
};

/** Demonstration streets in Songjiang, placed on the real streets they are named after. */
export const STREETS: StreetSeed[] = [
	{
		town: 'yueyang',
		name: '中山中路诚信示范街',
		kind: 'line',
		from: [31.0106, 121.2198],
		to: [31.0112, 121.2342],
		status: 'awarded'
	},
	{
		town: 'yongfeng',
		name: '仓城历史风貌区诚信街',
		kind: 'polygon',
		from: [31.0039, 121.2041],
		status: 'awarded'
	},
	{
		town: 'fangsong',
		name: '开元地中海商业街',
		kind: 'polygon',
		from: [31.0349, 121.2268],
		status: 'awarded'
	},
	{
		town: 'zhongshan',
		name: '荣乐东路诚信示范街',
		kind: 'line',
		from: [30.9973, 121.2381],
		to: [30.9991, 121.2499],
		status: 'awarded'
	},
	{
		town: 'sijing',
		name: '泗泾下塘历史文化街',
		kind: 'line',
		from: [31.1178, 121.2611],
		to: [31.1195, 121.2668],
		status: 'awarded'
	},
	{
		town: 'sheshan',
		name: '佘山镇外青松公路商业街',
		kind: 'line',
		from: [31.0908, 121.1935],
		to: [31.0979, 121.1962],
		status: 'awarded'
	},
	{
		town: 'jiuting',
		name: '九亭大街诚信示范街',
		kind: 'line',
		from: [31.1336, 121.3118],
		to: [31.1352, 121.3221],
		status: 'building'
	},
	{
		town: 'chedun',
		name: '车墩镇影视路商业街',
		kind: 'line',
		from: [30.9862, 121.3068],
		to: [30.9897, 121.3131],
		status: 'building'
	},
	{
		town: 'yexie',
		name: '叶榭老街',
		kind: 'line',
		from: [30.9402, 121.2689],
		to: [30.9419, 121.2741],
		status: 'awarded'
	},
	{
		town: 'guangfulin',
		name: '广富林文化商业街',
		kind: 'polygon',
		from: [31.0569, 121.2113],
		status: 'building'
	}
];

const PREFIXES = [
	'松江',
	'云间',
	'茸城',
	'华亭',
	'仓城',
	'老街',
	'王记',
	'李记',
	'张记',
	'陈记',
	'沈记',
	'顾记',
	'周家',
	'吴家',
	'阿婆',
	'福满',
	'鑫源',
	'百味',
	'恒丰',
	'永兴',
	'泗泾',
	'佘山',
	'小桥',
	'金穗',
	'和顺'
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

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid 个体工商户 code (92…), unique per number. */
export function soleTraderUscc(n: number): string {
	let body = '';
	let x = n;
	for (let i = 0; i < 8; i++) {
		body = USCC_CHARS[x % 31] + body;
		x = Math.floor(x / 31);
	}
	return withCheckCharacter(`92310117M${body}`);
}

function pick<T>(r: () => number, items: T[]): T {
	return items[Math.floor(r() * items.length)];
}

function pickCategory(r: () => number): MerchantCategory {
	let x = r();
	for (const [c, w] of CATEGORY_WEIGHTS) {
		x -= w;
		if (x <= 0) return c;
	}
	return 'other';
}

function round5(n: number) {
	return Math.round(n * 1e5) / 1e5;
}

function geometryOf(s: StreetSeed): StreetGeometry {
	if (s.kind === 'line' && s.to)
		return {
			type: 'LineString',
			coordinates: [
				[s.from[1], s.from[0]],
				[round5((s.from[1] + s.to[1]) / 2), round5((s.from[0] + s.to[0]) / 2 + 0.0002)],
				[s.to[1], s.to[0]]
			]
		};
	const [lat, lng] = s.from;
	const dy = 0.0016;
	const dx = 0.0022;
	return {
		type: 'Polygon',
		coordinates: [
			[
				[round5(lng - dx), round5(lat - dy)],
				[round5(lng + dx), round5(lat - dy)],
				[round5(lng + dx), round5(lat + dy)],
				[round5(lng - dx), round5(lat + dy)],
				[round5(lng - dx), round5(lat - dy)]
			]
		]
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

function addDays(iso: string, days: number): string {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export type MerchantSeed = {
	name: string;
	category: MerchantCategory;
	level: Level;
	score: number | null;
	lat: number;
	lng: number;
	address: string;
};

export type StreetFill = { streetId: number; townId: number; merchants: number };

/**
 * Writes streets and merchants in one transaction. `streets` defaults to the demo list; `perStreet`
 * merchants go on each. Merchants get a valid badge for their level, an inspection and a badge
 * entry in the public archive, and now and then a commendation or a verified complaint.
 */
export function fillStreets(
	opts: {
		streets?: StreetSeed[];
		perStreet?: number;
		seed?: number;
		/** Added to every merchant name, so test data never collides with demo data. */
		suffix?: string;
		now?: Date;
	} = {}
): StreetFill[] {
	const list = opts.streets ?? STREETS;
	const perStreet = opts.perStreet ?? 12;
	const r = rng(opts.seed ?? 20260601);
	const now = opts.now ?? new Date();
	const today = now.toISOString().slice(0, 10);
	const year = now.getUTCFullYear();
	return db.transaction((tx) => {
		const base =
			tx
				.select({ n: sql<number>`coalesce(max(${merchant.id}), 0)` })
				.from(merchant)
				.get()?.n ?? 0;
		let seq =
			tx
				.select({ n: sql<number>`coalesce(max(${badge.seq}), 0)` })
				.from(badge)
				.where(sql`${badge.year} = ${year}`)
				.get()?.n ?? 0;
		const used = new Set(
			tx
				.select({ name: merchant.name })
				.from(merchant)
				.all()
				.map((m) => m.name)
		);
		const out: StreetFill[] = [];
		let n = base;
		for (const s of list) {
			const t = towns.bySlug(s.town);
			if (!t) throw new Error(`未知街镇 ${s.town}`);
			const clash = tx
				.select({ id: street.id })
				.from(street)
				.where(sql`${street.townId} = ${t.id} and ${street.name} = ${s.name}`)
				.get();
			if (clash) throw new Error(`${t.name}已有示范街「${s.name}」，未写入任何数据`);
			const created = tx
				.insert(street)
				.values({
					townId: t.id,
					name: s.name,
					geometry: geometryOf(s),
					status: s.status,
					convention: `${s.name}商户共同遵守：明码标价、足斤足两、诚信经营、文明服务，欢迎顾客监督。`,
					description: `${t.name}${s.name}，沿街商户签署诚信经营承诺，接受消费者监督。`,
					committeeContact: `${s.name}自律委员会`,
					committeePhone: '021-5781' + String(1000 + Math.floor(r() * 8999)),
					awardedOn: s.status === 'awarded' ? addDays(today, -200) : null,
					createdAt: now,
					updatedAt: now
				})
				.returning({ id: street.id })
				.get();
			for (let i = 0; i < perStreet; i++) {
				n += 1;
				const category = pickCategory(r);
				let name = `${pick(r, PREFIXES)}${pick(r, KINDS[category])}${opts.suffix ?? ''}`;
				if (used.has(name)) name = `${name}（${s.name.slice(0, 2)}${i + 1}号店）`;
				if (used.has(name)) name = `${name.replace(/（.*）$/, '')}（${n}号店）`;
				used.add(name);
				const x = r();
				const score = x < 0.08 ? null : Math.round((68 + r() * 31) * 10) / 10;
				const level: Level =
					score == null ? 'none' : score >= 90 ? 'model' : score >= 75 ? 'honest' : 'none';
				const [lat, lng] = pointOn(s, r);
				const inspectedOn = score == null ? null : addDays(today, -Math.floor(r() * 300) - 5);
				const m = tx
					.insert(merchant)
					.values({
						streetId: created.id,
						townId: t.id,
						name,
						uscc: soleTraderUscc(n),
						address: `上海市松江区${s.name.replace(/诚信示范街|商业街|诚信街|历史文化街|历史风貌区/, '')}${10 + i * 2}号`,
						lat,
						lng,
						category,
						tradingStatus: 'open',
						contactName: '',
						contactPhone: '',
						level,
						score,
						lastInspectedOn: inspectedOn,
						createdAt: now,
						updatedAt: now
					})
					.returning({ id: merchant.id })
					.get();
				if (inspectedOn != null && score != null) {
					const at = new Date(`${inspectedOn}T02:00:00Z`);
					tx.insert(archiveEntry)
						.values({
							merchantId: m.id,
							townId: t.id,
							kind: 'inspection',
							occurredAt: at,
							scoreAfter: score,
							levelAfter: level,
							title: `年度检查评审：${score} 分`,
							publicNote: '按诚信经营商户创建标准逐项检查评审。',
							createdAt: at
						})
						.run();
					if (level !== 'none') {
						seq += 1;
						const b = tx
							.insert(badge)
							.values({
								merchantId: m.id,
								level,
								state: 'valid',
								grantedAt: at,
								validUntil: addDays(inspectedOn, 364),
								serial: `SJ-${year}-${String(seq).padStart(6, '0')}`,
								year,
								seq,
								stateChangedAt: at
							})
							.returning({ id: badge.id })
							.get();
						tx.update(merchant)
							.set({ currentBadgeId: b.id })
							.where(sql`id = ${m.id}`)
							.run();
						tx.insert(archiveEntry)
							.values({
								merchantId: m.id,
								townId: t.id,
								kind: 'badge_granted',
								occurredAt: new Date(at.getTime() + 3_600_000),
								scoreAfter: score,
								levelAfter: level,
								badgeId: b.id,
								title: `授予「${level === 'model' ? '诚信经营模范商户' : '诚信经营商户'}」标识`,
								publicNote: `有效期至 ${addDays(inspectedOn, 364)}。`,
								createdAt: at
							})
							.run();
					}
					const y = r();
					if (y < 0.12) {
						const at2 = new Date(at.getTime() + 20 * 86_400_000);
						tx.insert(archiveEntry)
							.values({
								merchantId: m.id,
								townId: t.id,
								kind: 'commendation',
								occurredAt: at2,
								points: 0,
								scoreAfter: score,
								levelAfter: level,
								title: '街区表扬：主动为顾客退换商品',
								publicNote: '自律委员会通报表扬。',
								createdAt: at2
							})
							.run();
					}
				}
			}
			out.push({ streetId: created.id, townId: t.id, merchants: perStreet });
		}
		return out;
	});
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
		out.push({
			town: t.slug,
			name: `${t.name.replace(/街道|镇|国家旅游度假区|经济技术开发区/, '')}${roads[Math.floor(i / all.length) % roads.length]}${i >= all.length * roads.length ? Math.floor(i / (all.length * roads.length)) + 1 + '段' : ''}诚信街`,
			kind: 'line',
			from: [lat, lng],
			to: [round5(lat + 0.002), round5(lng + 0.006)],
			status: 'awarded'
		});
	}
	return out;
}
