/**
 * Enterprises, commitments and credit reports: realistic names and codes (deterministic for a
 * given generator), and records made through the campaign area.
 */
import * as campaign from '../campaign';
import { enterprises } from '../campaign';
import * as towns from '../towns';
import type { Actor } from '../actor';
import { withCheckCharacter } from '../../uscc';
import { pick } from './random';

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

let n = 0;

/** An enterprise of the town, with a fresh code and a realistic name. */
export function makeEnterprise(
	actor: Actor,
	townSlug = 'yueyang',
	over: Partial<enterprises.EnterpriseInput> = {},
	now = new Date()
) {
	n += 1;
	const t = towns.bySlug(townSlug);
	if (!t) throw new Error(`unknown town ${townSlug}`);
	return enterprises.create(actor, { ...fakeEnterprise(900_000 + n), townId: t.id, ...over }, now);
}

/** A published commitment of the enterprise, by default a 诚信经营承诺 on 信用松江网站. */
export function makeCommitment(
	actor: Actor,
	enterpriseId: number,
	over: Partial<Omit<campaign.CommitmentInput, 'enterpriseId'>> = {},
	now = new Date()
) {
	const year = over.year ?? campaign.currentYear(now);
	return campaign.addCommitment(
		actor,
		{
			enterpriseId,
			year,
			type: '诚信经营承诺',
			disclosedOn: `${year}-03-15`,
			channel: '信用松江网站',
			link: null,
			...over
		},
		now
	);
}

/** The enterprise's report for the year, issued by default. */
export function makeReport(
	actor: Actor,
	enterpriseId: number,
	over: Partial<Omit<campaign.ReportInput, 'enterpriseId'>> = {},
	now = new Date()
) {
	const year = over.year ?? campaign.currentYear(now);
	const issued = (over.status ?? 'issued') === 'issued';
	return campaign.saveReport(
		actor,
		{
			enterpriseId,
			year,
			items: ['纳税', '社保'],
			disclosedOn: `${year}-04-01`,
			reportNo: issued ? fakeReportNo(year, enterpriseId) : null,
			agency: issued ? fakeAgency() : null,
			issuedOn: issued ? `${year}-04-01` : null,
			status: 'issued',
			...over
		},
		now
	);
}
