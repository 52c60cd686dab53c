/**
 * Schools (demo: every name carries 「（演示）」, so nobody mistakes them for the real register) and
 * a year of school events that reached them, written through the youth and events modules.
 */
import * as youth from '../src/lib/server/youth';
import * as towns from '../src/lib/server/towns';
import { SYSTEM } from '../src/lib/server/actor';
import { makeEvent, rng } from '../src/lib/server/testing/factories';
import { DEMO_MARK, YOUTH_ACTIVITY_TYPES, type SchoolKind } from '../src/lib/youth';
import { TOWN_CENTRES } from './events';

/** Towns with a senior high school or a vocational school in the demo. */
const SENIOR = new Set(['yueyang', 'zhongshan', 'sijing', 'jiuting']);
const VOCATIONAL = new Set(['fangsong', 'chedun']);

function short(name: string) {
	return name.replace(/(街道|镇|国家旅游度假区|经济技术开发区)$/, '');
}

export function seedSchoolsDemo(): number {
	const rand = rng(410);
	let made = 0;
	for (const t of towns.list()) {
		const s = short(t.name);
		const [lat, lng] = TOWN_CENTRES[t.slug] ?? [31.03, 121.23];
		const plan: [string, SchoolKind][] = [
			[`${s}小学`, 'primary'],
			[`${s}第二小学`, 'primary'],
			[`${s}中学`, 'junior']
		];
		if (t.kind === 'park') plan.splice(1, 2, [`${s}实验学校`, 'nine_year']);
		if (SENIOR.has(t.slug)) plan.push([`${s}高级中学`, 'senior']);
		if (VOCATIONAL.has(t.slug)) plan.push([`${s}职业技术学校`, 'vocational']);
		if (t.slug === 'xinbang' || t.slug === 'maogang') plan.push([`${s}学校`, 'nine_year']);
		for (const [name, kind] of plan) {
			const full = `上海市松江区${name}${DEMO_MARK}`;
			if (youth.schoolByName(full)) continue;
			youth.createSchool(SYSTEM, {
				name: full,
				kind,
				townId: t.id,
				address: `${t.name}${s}路 ${Math.round(rand() * 900) + 10} 号`,
				lat: lat + (rand() - 0.5) * 0.02,
				lng: lng + (rand() - 0.5) * 0.02
			});
			made += 1;
		}
	}
	return made;
}

const YOUTH_TITLES = [
	'诚信伴我成长主题班会',
	'法治信用进课堂',
	'“诚信小卫士”实践活动',
	'诚信故事演讲比赛',
	'诚信校园宣讲会'
];

/** School events of this year in most towns, reaching one or two schools each. */
export function seedYouthDemo(now = new Date()): number {
	const rand = rng(4141);
	const year = now.getUTCFullYear();
	const all = youth.schools();
	let made = 0;
	for (const t of towns.list()) {
		if (t.slug === 'xinbang' || t.slug === 'shihudang') continue;
		const own = all.filter((s) => s.townId === t.id);
		const n = 1 + Math.floor(rand() * 2);
		for (let i = 0; i < n && own.length; i++) {
			const month = String(1 + Math.floor(rand() * 10)).padStart(2, '0');
			const reached = own.slice(i % own.length, (i % own.length) + 1 + Math.floor(rand() * 2));
			const schools = reached.map((s) => ({
				schoolId: s.id,
				students: 80 + Math.round(rand() * 300)
			}));
			const students = schools.reduce((x, s) => x + s.students, 0);
			const teachers = 5 + Math.round(rand() * 20);
			try {
				const e = makeEvent(SYSTEM, {
					town: t.slug,
					theme: '诚信进校园',
					form: '培训讲座',
					title: `${YOUTH_TITLES[(made + i) % YOUTH_TITLES.length]}·${reached[0].name.replace(/^上海市松江区|（演示）$/g, '')}`,
					startDate: `${year}-${month}-${String(10 + i).padStart(2, '0')}`,
					venue: reached[0].name,
					participants: students + teachers,
					summary: '区教育局、区市场监管局与学校联合开展法治信用一体化教育。'
				});
				youth.setForEvent(SYSTEM, e.id, {
					activityType: YOUTH_ACTIVITY_TYPES[(made + i) % (YOUTH_ACTIVITY_TYPES.length - 1)],
					audiences: { student: students, teacher: teachers },
					schools
				});
				made += 1;
			} catch (err) {
				if (!(err instanceof Error && /同名活动/.test(err.message))) throw err;
			}
		}
	}
	return made;
}
