/**
 * Realistic enterprises, commitments and reports for demo data, tests and the design-scale bench
 * data. Deterministic for a given seed.
 */
import { withCheckCharacter } from '../src/lib/uscc';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WORDS = [
	'松江',
	'佘山',
	'九亭',
	'泗泾',
	'新桥',
	'车墩',
	'洞泾',
	'广富林',
	'云间',
	'茸城',
	'华亭',
	'仓城',
	'泖塘',
	'辰山',
	'天马',
	'小昆山',
	'浦南',
	'申松',
	'沪松',
	'明泰',
	'恒源',
	'鼎盛',
	'金泽',
	'宏达',
	'瑞丰',
	'嘉禾',
	'华信',
	'同创',
	'永利',
	'德昌',
	'中鑫',
	'博远',
	'晨光',
	'立新',
	'兴业',
	'联合'
];
const TRADES = [
	['科技', '信息技术'],
	['机械制造', '制造业'],
	['电子', '制造业'],
	['食品', '食品加工'],
	['餐饮管理', '住宿和餐饮业'],
	['商贸', '批发和零售业'],
	['物流', '交通运输'],
	['建筑工程', '建筑业'],
	['新材料', '制造业'],
	['生物医药', '医药制造'],
	['文化传媒', '文化体育'],
	['物业管理', '房地产业'],
	['汽车配件', '制造业'],
	['服饰', '批发和零售业'],
	['环保科技', '科学研究和技术服务']
];
const FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];
const ROADS = [
	'人民北路',
	'中山东路',
	'荣乐东路',
	'谷阳北路',
	'新松江路',
	'文诚路',
	'沪松公路',
	'九新公路',
	'泗宝路',
	'车亭公路',
	'莘砖公路',
	'玉树路'
];
const AGENCIES = [
	'上海新世纪资信评估投资服务有限公司',
	'上海资信有限公司',
	'大公国际资信评估有限公司上海分公司',
	'东方金诚国际信用评估有限公司上海分公司'
];

/** mulberry32: a small seeded generator. */
export function rng(seed = 1) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pick<T>(r: () => number, list: readonly T[]): T {
	return list[Math.floor(r() * list.length)];
}

/** A valid 统一社会信用代码 of a Songjiang company; `n` makes it unique. */
export function fakeUscc(n: number, r: () => number = Math.random): string {
	let body = '';
	let x = n;
	for (let i = 0; i < 6; i++) {
		body = CHARSET[x % 31] + body;
		x = Math.floor(x / 31);
	}
	const noise =
		CHARSET[Math.floor(r() * 31)] + CHARSET[Math.floor(r() * 31)] + CHARSET[Math.floor(r() * 10)];
	return withCheckCharacter(`91310117${noise}${body}`);
}

export type FakeEnterprise = { uscc: string; name: string; address: string; industry: string };

export function fakeEnterprise(n: number, r: () => number = Math.random): FakeEnterprise {
	const [trade, industry] = pick(r, TRADES);
	const w = pick(r, WORDS) + (r() < 0.5 ? pick(r, WORDS) : '');
	return {
		uscc: fakeUscc(n, r),
		name: `上海${w}${trade}${pick(r, FORMS)}${n > 1000 ? '' : ''}`,
		address: `上海市松江区${pick(r, ROADS)}${1 + Math.floor(r() * 1500)}号`,
		industry
	};
}

export function fakeAgency(r: () => number = Math.random) {
	return pick(r, AGENCIES);
}

export function fakeReportNo(year: number, n: number) {
	return `SJXY-${year}-${String(n).padStart(5, '0')}`;
}

/** A date of `year` between Jan 2 and `until` (YYYY-MM-DD), as YYYY-MM-DD. */
export function fakeDate(year: number, until: string, r: () => number = Math.random): string {
	const start = Date.UTC(year, 0, 2);
	const end = Math.max(start, Date.parse(`${until}T00:00:00Z`));
	return new Date(start + Math.floor(r() * ((end - start) / 86_400_000 + 1)) * 86_400_000)
		.toISOString()
		.slice(0, 10);
}
