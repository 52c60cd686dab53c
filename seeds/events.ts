/**
 * Events: the theme and form lists (reference data), and a year of demo events across the towns,
 * made by the same factory that tests use.
 */
import * as events from '../src/lib/server/events';
import * as towns from '../src/lib/server/towns';
import { uploads } from '../src/lib/server/files';
import { SYSTEM } from '../src/lib/server/actor';
import { DomainError } from '../src/lib/server/forms';
import { makeEvent, rng, type EventSpec } from '../src/lib/server/testing/factories';

export function seedEventOptions() {
	events.seedOptions();
}

/** Approximate centres of the towns (WGS-84), around which demo venues are placed. */
export const TOWN_CENTRES: Record<string, [number, number]> = {
	yueyang: [31.01, 121.233],
	yongfeng: [31.012, 121.205],
	fangsong: [31.03, 121.225],
	zhongshan: [31.0, 121.245],
	guangfulin: [31.06, 121.205],
	jiuliting: [31.125, 121.325],
	sijing: [31.12, 121.265],
	sheshan: [31.095, 121.195],
	chedun: [30.985, 121.315],
	xinqiao: [31.06, 121.325],
	dongjing: [31.09, 121.265],
	jiuting: [31.135, 121.32],
	maogang: [30.955, 121.18],
	shihudang: [30.975, 121.135],
	xinbang: [30.955, 121.085],
	yexie: [30.925, 121.275],
	xiaokunshan: [31.03, 121.14],
	jingkaiqu: [31.06, 121.25],
	'sheshan-dujiaqu': [31.1, 121.19]
};

const THEME_PLANS: Record<
	string,
	{ titles: string[]; venues: string[]; forms: string[]; people: [number, number] }
> = {
	诚信建设万里行: {
		titles: ['诚信建设万里行·{town}站', '诚信建设万里行主题宣传日'],
		venues: ['{short}文化体育中心广场', '{short}市民广场'],
		forms: ['专题展览', '事迹宣讲', '故事汇巡演'],
		people: [150, 600]
	},
	诚信兴商宣传月: {
		titles: ['诚信兴商宣传月·商户诚信承诺签名', '诚信兴商宣传月进商圈', '诚信经营示范街宣传周'],
		venues: ['{short}商业街', '{short}农贸市场', '{short}万达广场'],
		forms: ['公益广告', '专题展览', '培训讲座'],
		people: [80, 400]
	},
	诚信点亮中国: {
		titles: ['“诚信点亮中国”巡回活动', '诚信点亮中国·诚信之光主题活动'],
		venues: ['{short}文化活动中心', '{short}党群服务中心'],
		forms: ['故事汇巡演', '事迹宣讲'],
		people: [120, 500]
	},
	诚信进园区: {
		titles: [
			'诚信进园区·企业信用承诺宣讲',
			'企业信用修复政策解读会',
			'诚信进园区·信用报告知识讲座'
		],
		venues: ['{short}工业园区企业服务中心', '{short}科创园会议室'],
		forms: ['培训讲座', '事迹宣讲'],
		people: [30, 150]
	},
	诚信进社区: {
		titles: [
			'诚信进社区·居民诚信宣讲会',
			'诚信进社区·“守信小家”故事分享',
			'诚信进社区·防诈骗与诚信消费讲座'
		],
		venues: ['{short}社区文化活动中心', '{short}睦邻点', '{short}邻里中心'],
		forms: ['事迹宣讲', '培训讲座', '专题展览', '其他'],
		people: [30, 200]
	},
	诚信进校园: {
		titles: [
			'诚信进校园·“诚信伴我成长”主题班会',
			'诚信进校园·诚信考试倡议',
			'诚信进校园·诚信绘画作品展'
		],
		venues: ['{short}中心小学', '{short}中学报告厅'],
		forms: ['事迹宣讲', '专题展览', '其他'],
		people: [100, 800]
	},
	诚信进机关: {
		titles: ['诚信进机关·公务人员信用知识讲座', '诚信进机关·政务诚信专题学习'],
		venues: ['{short}人民政府会议室', '{short}行政服务中心'],
		forms: ['培训讲座', '事迹宣讲'],
		people: [20, 120]
	},
	青少年诚信教育: {
		titles: ['青少年诚信教育·诚信故事绘本共读', '“小小诚信宣讲员”暑期课堂', '青少年诚信教育实践营'],
		venues: ['{short}青少年活动中心', '{short}图书馆分馆', '{short}社区少年宫'],
		forms: ['故事汇巡演', '培训讲座', '其他'],
		people: [25, 150]
	},
	诚信故事宣讲: {
		titles: ['“身边的诚信故事”宣讲会', '诚信人物事迹报告会', '诚信故事汇·{town}专场'],
		venues: ['{short}文化活动中心剧场', '{short}党群服务中心'],
		forms: ['事迹宣讲', '故事汇巡演'],
		people: [60, 300]
	}
};

const MATERIALS = [
	'诚信宣传册',
	'信用知识折页',
	'诚信环保袋',
	'诚信主题台历',
	'宣传海报',
	'诚信书签'
];
const PARTNERS = [
	'区发展改革委',
	'区市场监管局',
	'区文明办',
	'区教育局',
	'团区委',
	'区商务委',
	'区司法局'
];

/** Towns that ran little publicity in the demo year, so the dashboard has a laggard to show. */
const QUIET = new Set(['xinbang', 'shihudang']);

function iso(d: Date) {
	return d.toISOString().slice(0, 10);
}

/** Three-colour abstract pictures, so demo events have photos without shipping any. */
async function demoPhotos(count: number): Promise<string[]> {
	const palettes = [
		['#c8161d', '#f6c344', '#fdf3e7'],
		['#1d4ed8', '#93c5fd', '#eef4ff'],
		['#1f7a45', '#a7e0bd', '#f2fbf5'],
		['#a16207', '#fcd34d', '#fffaf0'],
		['#7c3aed', '#c4b5fd', '#f7f3ff'],
		['#0f766e', '#5eead4', '#effdfa']
	];
	const keys: string[] = [];
	for (let i = 0; i < count; i++) {
		const [a, b, bg] = palettes[i % palettes.length];
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="640">
			<rect width="960" height="640" fill="${bg}"/>
			<rect x="0" y="440" width="960" height="200" fill="${b}" opacity="0.6"/>
			<circle cx="${200 + i * 90}" cy="220" r="120" fill="${a}" opacity="0.85"/>
			<rect x="520" y="160" width="300" height="260" rx="16" fill="${a}" opacity="0.55"/>
			<rect x="80" y="470" width="800" height="24" rx="12" fill="#fff" opacity="0.8"/>
		</svg>`;
		const sharp = (await import('sharp')).default;
		const bytes = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
		keys.push(await uploads.storeImage(new File([new Uint8Array(bytes)], `demo-${i}.jpg`)));
	}
	return keys;
}

/** A year of varied events across the towns, ending six weeks from now. Returns how many. */
export async function seedEventDemo(now = new Date()): Promise<number> {
	const rand = rng(20230601);
	const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
	const between = (lo: number, hi: number) => Math.round(lo + rand() * (hi - lo));
	const photos = await demoPhotos(6);
	const themeNames = events.options('theme').map((o) => o.name);
	const formNames = new Set(events.options('form').map((o) => o.name));
	const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
	let made = 0;
	for (const t of towns.list()) {
		const short = t.name.replace(/(街道|镇|国家旅游度假区|经济技术开发区)$/, '');
		const centre = TOWN_CENTRES[t.slug] ?? [31.03, 121.23];
		const total = QUIET.has(t.slug) ? 3 : between(12, 26);
		for (let i = 0; i < total; i++) {
			const theme = pick(themeNames);
			const plan = THEME_PLANS[theme] ?? THEME_PLANS['诚信进社区'];
			const form = [pick(plan.forms)].find((f) => formNames.has(f)) ?? '其他';
			const start = new Date(today + between(-365, 42) * 86_400_000);
			const days =
				form === '专题展览'
					? between(3, 14)
					: form === '公益广告'
						? between(14, 45)
						: rand() < 0.1
							? 1
							: 0;
			const end = new Date(start.getTime() + days * 86_400_000);
			const past = end.getTime() < today;
			const fill = (s: string) => s.replaceAll('{town}', t.name).replaceAll('{short}', short);
			const people = between(plan.people[0], plan.people[1]);
			const materials = `${pick(MATERIALS)} ${between(1, 8) * 50} 份、${pick(MATERIALS)} ${between(1, 4) * 50} 份`;
			const isPublic = rand() > 0.15;
			const hour = between(9, 15);
			const spec: EventSpec = {
				town: t.slug,
				theme,
				form,
				title: fill(pick(plan.titles)),
				venue: fill(pick(plan.venues)),
				lat: Math.round((centre[0] + (rand() - 0.5) * 0.03) * 1e6) / 1e6,
				lng: Math.round((centre[1] + (rand() - 0.5) * 0.03) * 1e6) / 1e6,
				startDate: iso(start),
				startTime: `${String(hour).padStart(2, '0')}:${rand() < 0.5 ? '00' : '30'}`,
				endDate: iso(end),
				endTime: `${String(hour + between(1, 3)).padStart(2, '0')}:00`,
				organisers: `${t.name}党群服务中心、${pick(PARTNERS)}`,
				participants: past ? people : 0,
				materials: past ? materials : '',
				summary: past
					? `${t.name}围绕“${theme}”开展${form}活动，向居民、商户和企业宣传诚信经营、诚信消费和信用承诺知识，现场发放${materials}，共 ${people} 人次参与。`
					: `${t.name}将围绕“${theme}”开展${form}活动，欢迎附近居民参加。`,
				isPublic
			};
			const keys =
				past && isPublic && rand() < 0.6
					? [photos[i % photos.length], photos[(i + 2) % photos.length]].slice(0, between(1, 2))
					: [];
			try {
				makeEvent(SYSTEM, spec, keys, new Date(today - between(0, 30) * 86_400_000));
				made += 1;
			} catch (e) {
				if (!(e instanceof DomainError)) throw e;
			}
		}
	}
	return made;
}
