/**
 * Honesty streets: reference standards, and demo streets around Songjiang with merchants at every
 * level and badge state, each state reached the way staff reach it (an inspection, then
 * supervision events), through the same factories the tests use.
 */
import * as towns from '../src/lib/server/towns';
import { standards, supervision, instruments } from '../src/lib/server/streets';
import { SYSTEM, type Actor } from '../src/lib/server/actor';
import { withCheckCharacter } from '../src/lib/uscc';
import { todayISO } from '../src/lib/format';
import type { MerchantInput, StreetInput } from '../src/lib/schemas/streets';
import type { StreetGeometry } from '../src/lib/server/db/schema';
import { inspectMerchant, makeMerchant, makeStreet } from '../src/lib/server/testing/factories';

export function seedStreetsReference() {
	standards.seed();
}

/** "lng,lat lng,lat …" as a line; with `closed`, as a polygon back to its first point. */
function shape(points: string, closed = false): StreetGeometry {
	const coordinates = points
		.trim()
		.split(/\s+/)
		.map((p) => p.split(',').map(Number) as [number, number]);
	return closed
		? { type: 'Polygon', coordinates: [[...coordinates, coordinates[0]]] }
		: { type: 'LineString', coordinates };
}

type Outcome =
	| 'model'
	| 'honest'
	| 'downgraded'
	| 'suspended'
	| 'revoked'
	| 'expired'
	| 'none'
	| 'restored'
	| 'unrated';

const DEMO: {
	town: string;
	name: string;
	status: StreetInput['status'];
	convention: string;
	contact: string;
	phone: string;
	geometry: StreetGeometry;
	merchants: [string, MerchantInput['category'], string, number, number][];
}[] = [
	{
		town: 'yongfeng',
		name: '仓城历史文化风貌区',
		status: 'awarded',
		convention:
			'一、守法经营，亮照亮证；二、明码标价，不哄抬物价；三、足斤足两，计量器具按期检定；四、不售假冒伪劣商品；五、文明待客，投诉当日响应；六、爱护古镇风貌，门前三包。',
		contact: '仓城风貌区诚信自律委员会 陈秀英',
		phone: '021-57821166',
		geometry: shape('121.1912,31.0082 121.1978,31.0086 121.1983,31.0041 121.1917,31.0036', true),
		merchants: [
			['仓城糕团店', 'food', '中山西路 612 号', 31.0063, 121.1931],
			['张泽羊肉馆仓城店', 'catering', '中山西路 640 号', 31.0061, 121.1942],
			['云间酱园', 'food', '秀南街 18 号', 31.0052, 121.1951],
			['仓城茶馆', 'service', '大仓桥东堍 3 号', 31.0071, 121.1962],
			['四鳃鲈鱼馆', 'catering', '秀南街 36 号', 31.0049, 121.1945],
			['邱记布鞋店', 'retail', '中山西路 588 号', 31.0066, 121.1925],
			['景家堰书画社', 'retail', '景家堰 9 号', 31.0057, 121.197],
			['秀南桥杂货铺', 'retail', '秀南街 52 号', 31.0045, 121.1958]
		]
	},
	{
		town: 'zhongshan',
		name: '中山中路商业街',
		status: 'awarded',
		convention:
			'中山中路商户共同遵守：诚信为本、质量为先、价格公道、服务热情；七日无理由退换；投诉首问负责，三日内答复。',
		contact: '中山街道市场监管所 刘建国',
		phone: '021-57812345',
		geometry: shape('121.2208,31.0112 121.2262,31.0116 121.2318,31.0119 121.2365,31.0121'),
		merchants: [
			['松江第一百货商店', 'retail', '中山中路 288 号', 31.0117, 121.2281],
			['老大房食品店中山中路店', 'food', '中山中路 312 号', 31.0118, 121.2296],
			['明亮眼镜店', 'retail', '中山中路 246 号', 31.0116, 121.2254],
			['沈记水果店', 'food', '中山中路 355 号', 31.0119, 121.2322],
			['华联超市中山中路店', 'retail', '中山中路 401 号', 31.012, 121.2341],
			['小杨生煎中山中路店', 'catering', '中山中路 198 号', 31.0114, 121.2233],
			['云间理发店', 'service', '中山中路 222 号', 31.0115, 121.2244],
			['中山药房', 'retail', '中山中路 268 号', 31.0117, 121.2271]
		]
	},
	{
		town: 'sijing',
		name: '泗泾下塘历史文化街区',
		status: 'building',
		convention:
			'下塘街商户承诺：传承老字号信誉，货真价实；明码标价，不欺客不宰客；计量器具定期检定；接受游客和居民监督。',
		contact: '泗泾镇下塘街区管委会 周明华',
		phone: '021-57619988',
		geometry: shape('121.2618,31.1192 121.2645,31.1199 121.2671,31.1207 121.2693,31.1212'),
		merchants: [
			['下塘豆腐干坊', 'food', '江达南路下塘街 21 号', 31.1197, 121.2638],
			['福连糕点店', 'food', '下塘街 45 号', 31.1201, 121.2652],
			['古镇茶楼', 'catering', '下塘街 60 号', 31.1205, 121.2664],
			['泗泾酱菜铺', 'food', '下塘街 72 号', 31.1208, 121.2676],
			['安方塔文创店', 'retail', '下塘街 88 号', 31.1211, 121.2686],
			['下塘理发店', 'service', '下塘街 12 号', 31.1194, 121.2627]
		]
	},
	{
		town: 'sheshan',
		name: '佘山林荫新路商业街',
		status: 'awarded',
		convention:
			'佘山商业街自律公约：服务游客、诚信待客；农副产品标明产地；不强买强卖；价格公示上墙；统一使用公平秤。',
		contact: '佘山镇商会 顾建新',
		phone: '021-57651234',
		geometry: shape('121.1905,31.0952 121.1948,31.0958 121.1992,31.0963'),
		merchants: [
			['佘山兰笋农家菜馆', 'catering', '林荫新路 128 号', 31.0955, 121.1921],
			['佘山茶叶店', 'food', '林荫新路 150 号', 31.0957, 121.1937],
			['天马烧烤', 'catering', '林荫新路 176 号', 31.0959, 121.1952],
			['佘山特产超市', 'retail', '林荫新路 198 号', 31.096, 121.1966],
			['林荫便利店', 'retail', '林荫新路 210 号', 31.0961, 121.1978],
			['佘山骑行服务站', 'service', '林荫新路 232 号', 31.0962, 121.1988]
		]
	},
	{
		town: 'jiuting',
		name: '九亭大街',
		status: 'building',
		convention: '九亭大街商户公约：守法诚信、公平交易、文明经营、共建共治。',
		contact: '九亭镇经济发展办 吴海燕',
		phone: '021-67691234',
		geometry: shape('121.3218,31.1312 121.3262,31.1318 121.3301,31.1323'),
		merchants: [
			['九亭生鲜超市', 'retail', '九亭大街 301 号', 31.1314, 121.3232],
			['九亭老烧饼', 'food', '九亭大街 318 号', 31.1316, 121.3248],
			['佳佳水果店', 'food', '九亭大街 326 号', 31.1317, 121.3259],
			['九亭大药房', 'retail', '九亭大街 340 号', 31.1319, 121.3274],
			['小杨面馆', 'catering', '九亭大街 352 号', 31.132, 121.3286]
		]
	}
];

const OUTCOMES: Outcome[] = [
	'model',
	'honest',
	'downgraded',
	'model',
	'suspended',
	'revoked',
	'expired',
	'none',
	'honest',
	'unrated',
	'model',
	'restored'
];

const PEOPLE = ['王女士', '李先生', '张女士', '赵先生', '陈女士', '刘先生'];

type Step = supervision.RecordInput & { day: number };

/**
 * How each outcome is reached: an inspection at `total`, then supervision events so many days
 * later; the badge and level follow from the domain's rules.
 */
const PLANS: Record<
	Outcome,
	(k: number) => { total: number; summary?: string; steps?: Step[] } | null
> = {
	unrated: () => null,
	model: (k) => ({
		total: 92 + (k % 7),
		steps:
			k % 2
				? [
						{
							day: 20,
							kind: 'commendation',
							title: '获评街区“诚信之星”',
							publicNote: '在诚信兴商宣传月活动中获街区表彰'
						}
					]
				: []
	}),
	honest: (k) => ({ total: 78 + (k % 9) }),
	downgraded: (k) => ({
		total: 93,
		steps: [
			{
				day: 10,
				kind: 'complaint',
				title: '消费者投诉价格标示不清，经核实属实',
				publicNote: '价签与结算价格不一致，已责令改正',
				complainant: `${PEOPLE[k % PEOPLE.length]} 139****${String(1000 + k).slice(-4)}`,
				note: '12315 平台转办'
			}
		]
	}),
	suspended: () => ({
		total: 80,
		steps: [
			{
				day: 12,
				kind: 'penalty',
				title: '因销售过期食品受到行政处罚',
				publicNote: '松江区市场监督管理局作出警告并罚款的行政处罚',
				note: '沪市监松处〔2026〕第 xxx 号'
			}
		]
	}),
	revoked: () => ({
		total: 91,
		steps: [
			{
				day: 15,
				kind: 'veto',
				title: '篡改计量器具',
				publicNote: '经计量执法检查，电子秤被改装作弊，撤销诚信商户称号',
				note: '已移交执法大队'
			}
		]
	}),
	restored: () => ({
		total: 79,
		steps: [
			{
				day: 8,
				kind: 'spot_check_failed',
				title: '季度抽查：计量器具未按期检定',
				publicNote: '抽查发现电子秤超过检定有效期'
			},
			{
				day: 18,
				kind: 'rectification',
				title: '完成计量器具检定，整改到位',
				publicNote: '已送检并取得检定证书，复查合格'
			}
		]
	}),
	expired: () => ({ total: 86 }),
	none: () => ({ total: 68, summary: '价签不全，承诺书未公示' })
};

/** Demo streets and merchants; returns a line for the start log. */
export function seedStreetsDemo(actor: Actor = SYSTEM, now = new Date()): string {
	const day = 86_400_000;
	const ago = (days: number) => new Date(now.getTime() - days * day);
	let k = 0;
	let merchantCount = 0;
	for (const s of DEMO) {
		if (!towns.bySlug(s.town)) continue;
		const created = makeStreet(actor, s.town, {
			name: s.name,
			status: s.status,
			convention: s.convention,
			committeeContact: s.contact,
			committeePhone: s.phone,
			geometry: s.geometry
		});
		for (const [name, category, address, lat, lng] of s.merchants) {
			const outcome = OUTCOMES[k % OUTCOMES.length];
			const sole = k % 3 === 1;
			k++;
			const m = makeMerchant(actor, created.id, {
				name,
				uscc: withCheckCharacter(
					`${sole ? '92' : '91'}310117MA1${String(100000 + k * 7919).slice(-6)}`
				),
				address,
				category,
				contactName: PEOPLE[k % PEOPLE.length].replace(/女士|先生/, '经理'),
				contactPhone: `1391600${String(1000 + k).slice(-4)}`,
				lat,
				lng
			});
			merchantCount++;
			if (category !== 'service') {
				const overdue = k % 4 === 0;
				instruments.create(actor, m.id, {
					type: category === 'catering' ? 'platform_scale' : 'price_scale',
					serial: `SJ${20230000 + k * 37}`,
					lastVerifiedOn: todayISO(ago(overdue ? 420 : 120)),
					nextDueOn: todayISO(ago(overdue ? 55 : -245)),
					certificateNo: `松计检字第 ${2025000 + k} 号`,
					note: ''
				});
			}
			const inspected = ago(outcome === 'expired' ? 400 : 40 + (k % 20));
			const by = (d: number) => new Date(inspected.getTime() + d * day);
			const plan = PLANS[outcome](k);
			if (!plan) continue;
			inspectMerchant(actor, m.id, plan.total, { now: inspected, summary: plan.summary });
			for (const { day: d, ...step } of plan.steps ?? [])
				supervision.record(actor, m.id, { ...step, occurredAt: by(d) });
		}
	}
	supervision.expireDue(actor, now);
	return `诚信示范街 ${DEMO.length} 条、商户 ${merchantCount} 家`;
}
