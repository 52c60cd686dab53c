import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as plan from '.';
import * as events from '../events';
import * as towns from '../towns';
import { makeEvent, makeUser } from '../testing/factories';
import { SYSTEM } from '../actor';
import { dueDate, gridState, periodOf, periodsOf } from '../../plan';

const year = 2026;
const dept = (name: string) => plan.departments.byName(name)!;
const edu = () => ({ kind: 'department' as const, id: dept('区教育局').id });

describe('units', () => {
	it('seeds the nine departments of the plan and lists towns and departments as one list', () => {
		expect(plan.departments.list().map((d) => d.name)).toContain('区大数据中心');
		const all = plan.units.all();
		expect(all.filter((u) => u.kind === 'department')).toHaveLength(9);
		expect(all.filter((u) => u.kind === 'town')).toHaveLength(towns.list().length);
		expect(plan.units.get('department-' + dept('团区委').id)?.name).toBe('团区委');
	});

	it('lets admins add a department, and refuses a second one of the same name', async () => {
		const admin = await makeUser('district_admin');
		const d = plan.departments.create(admin, { name: '区司法局' });
		expect(plan.departments.byId(d.id)?.name).toBe('区司法局');
		expect(() => plan.departments.create(admin, { name: '区司法局' })).toThrow('同名');
	});
});

describe('department events', () => {
	it('a department officer logs an event with no town; it counts for the unit, and a town officer cannot change it', async () => {
		const officer = await makeUser('department_officer', [], { department: '区教育局' });
		expect(officer.departmentId).toBe(dept('区教育局').id);
		const e = makeEvent(officer, {
			department: '区教育局',
			town: null,
			theme: '青少年诚信教育',
			participants: 321,
			startDate: '2026-05-20'
		});
		expect(e.townId).toBeNull();
		const s = events.unitSummary({ scope: null, from: '2026-01-01', to: '2026-12-31' });
		const row = s.rows.find((r) => r.key === `department-${dept('区教育局').id}`)!;
		expect(row.total.count).toBeGreaterThanOrEqual(1);
		expect(row.total.participants).toBeGreaterThanOrEqual(321);
		const town = await makeUser('town_officer', ['sheshan']);
		expect(events.canWrite(town, e)).toBe(false);
		expect(events.canSee(town, e)).toBe(false);
		const stored = events.get(e.id)!;
		expect(() =>
			events.update(town, e.id, {
				...stored,
				startTime: undefined,
				endTime: undefined,
				title: '改名',
				departmentId: null,
				townId: towns.bySlug('sheshan')!.id
			})
		).toThrow();
		// a department event held in the town: its officers may read it, never change it
		const held = makeEvent(officer, { department: '区教育局', town: 'sheshan' });
		expect(events.canSee(town, held)).toBe(true);
		expect(events.canWrite(town, held)).toBe(false);
		expect(() => events.remove(town, held.id)).toThrow('只能由该部门删除');
	});

	it('refuses a department event from another department and a town event with no town', async () => {
		const officer = await makeUser('department_officer', [], { department: '区教育局' });
		expect(() => makeEvent(officer, { department: '区文明办', town: null })).toThrow('本部门');
		const admin = await makeUser('district_admin');
		expect(() => makeEvent(admin, { town: null })).toThrow('请选择街镇');
		const town = await makeUser('town_officer', ['sheshan']);
		expect(() => makeEvent(town, { department: '区教育局', town: 'sheshan' })).toThrow();
	});
});

describe('plan tasks and figures', () => {
	it('seeds rows 37–42 with their responsible units', () => {
		const t = plan.tasks.list(year);
		expect(t.map((x) => x.row)).toEqual([37, 38, 39, 40, 41, 42]);
		const r40 = t.find((x) => x.row === 40)!;
		expect(r40.units.filter((u) => u.kind === 'department')).toHaveLength(7);
		expect(r40.units.filter((u) => u.kind === 'town')).toHaveLength(towns.list().length);
		expect(t.find((x) => x.row === 41)!.units.map((u) => u.name)).toEqual(['区教育局']);
		expect(t.find((x) => x.row === 42)!.unitsNote).toBe('联席会议成员单位');
	});

	it('computes figures by row from the records of every row, and none for a row not in the plan', () => {
		const f37 = plan.figures.figuresFor(37, year)!;
		expect(f37.figures[0].target).toBe(5000);
		const f40 = plan.figures.figuresFor(40, year)!;
		expect(f40.figures[0].value).toBeGreaterThanOrEqual(0);
		for (const row of [39, 41, 42]) {
			const f = plan.figures.figuresFor(row, year)!;
			expect(f.figures.length).toBeGreaterThan(0);
			expect(f.figures.every((x) => typeof x.value === 'number')).toBe(true);
		}
		expect(plan.figures.figuresFor(99, year)).toBeNull();
	});

	it('copies a year to the next once, and edits a task', async () => {
		const admin = await makeUser('district_admin');
		expect(plan.tasks.copyYear(admin, year, year + 1)).toBe(6);
		expect(() => plan.tasks.copyYear(admin, year, year + 1)).toThrow('已有');
		const t = plan.tasks.get(year + 1, 41)!;
		plan.tasks.update(admin, t.id, {
			title: t.title,
			text: '新的任务表述',
			workPoint: 22,
			allTowns: true,
			unitsNote: '',
			departmentIds: [dept('区教育局').id, dept('团区委').id]
		});
		const after = plan.tasks.get(year + 1, 41)!;
		expect(after.units.map((u) => u.name)).toContain('团区委');
		expect(plan.tasks.get(year, 41)!.units.map((u) => u.name)).toEqual(['区教育局']);
	});
});

describe('progress reports', () => {
	it('draft → submitted → returned → resubmitted → accepted; on time by the first submission', async () => {
		const officer = await makeUser('department_officer', [], { department: '区教育局' });
		const admin = await makeUser('district_admin');
		const task = plan.tasks.get(year, 41)!;
		const input = { taskId: task.id, unit: edu(), period: '2026-03', text: '', figures: '' };
		const draft = plan.reports.save(officer, input, {}, false, new Date('2026-04-01T02:00:00Z'));
		expect(draft.status).toBe('draft');
		expect(() => plan.reports.save(officer, input, {}, true)).toThrow('请填写');
		const sent = plan.reports.save(
			officer,
			{ ...input, text: '三月开展诚信教育 5 场' },
			{ add: [{ key: 'x.pdf', kind: 'pdf', name: '三月.pdf', size: 10 }] },
			true,
			new Date('2026-04-03T02:00:00Z')
		);
		expect(sent.status).toBe('submitted');
		expect(sent.firstSubmittedOn).toBe('2026-04-03');
		expect(() => plan.reports.save(officer, { ...input, text: '再改' })).toThrow('已报送');
		expect(() => plan.reports.sendBack(officer, sent.id, '补充')).toThrow('区级管理员');
		expect(() => plan.reports.sendBack(admin, sent.id, ' ')).toThrow('请写明');
		plan.reports.sendBack(admin, sent.id, '请补充照片', new Date('2026-04-04T02:00:00Z'));
		const cell = () =>
			plan.reports
				.grid(year, { unitKeys: [edu().kind + '-' + edu().id], today: '2026-12-01' })
				.rows.find((r) => r.task.row === 41)!
				.cells.find((c) => c.period === '2026-03')!;
		expect(cell().state).toBe('returned');
		plan.reports.save(
			officer,
			{ ...input, text: '已补充照片' },
			{},
			true,
			new Date('2026-04-10T02:00:00Z')
		);
		expect(cell().state).toBe('on_time');
		const again = plan.reports.get(sent.id)!;
		expect(again.attachments).toHaveLength(1);
		expect(again.firstSubmittedOn).toBe('2026-04-03');
		plan.reports.accept(admin, sent.id);
		expect(cell().state).toBe('on_time');
	});

	it('a late report is late, an unfiled one missing, and a unit files only for itself', async () => {
		const officer = await makeUser('department_officer', [], { department: '区教育局' });
		const task = plan.tasks.get(year, 41)!;
		plan.reports.save(
			officer,
			{ taskId: task.id, unit: edu(), period: '2026-05', text: '五月', figures: '' },
			{},
			true,
			new Date('2026-06-20T02:00:00Z')
		);
		const g = plan.reports.grid(year, {
			unitKeys: [`department-${edu().id}`],
			today: '2026-12-01'
		});
		const cells = g.rows.find((r) => r.task.row === 41)!.cells;
		expect(cells.find((c) => c.period === '2026-05')!.state).toBe('late');
		expect(cells.find((c) => c.period === '2026-06')!.state).toBe('missing');
		expect(cells.find((c) => c.period === '2026-11')!.state).toBe('pending');
		const owed = plan.reports.missing(year, '2026-12-01').filter((m) => m.unit === '区教育局');
		expect(owed.some((m) => m.row === 41 && m.periodKey === '2026-06')).toBe(true);
		expect(owed.some((m) => m.row === 41 && m.periodKey === '2026-05')).toBe(false);
		// the bulletin names the unit once, with the sum, its tasks and its earliest period
		const byUnit = plan.reports.missingByUnit(year, '2026-12-01');
		const edus = byUnit.filter((u) => u.unit === '区教育局');
		expect(edus).toHaveLength(1);
		expect(edus[0].count).toBe(owed.length);
		expect(edus[0].rows).toContain(41);
		expect(edus[0].none).toBe(false);
		const first = owed.reduce((a, b) => (b.periodKey < a.periodKey ? b : a));
		expect(edus[0].earliest).toBe(first.period);
		const other = await makeUser('department_officer', [], { department: '区文明办' });
		expect(() =>
			plan.reports.save(other, {
				taskId: task.id,
				unit: edu(),
				period: '2026-07',
				text: 'x',
				figures: ''
			})
		).toThrow('本单位');
		const town = await makeUser('town_officer', ['sheshan']);
		expect(() =>
			plan.reports.save(town, {
				taskId: task.id,
				unit: { kind: 'town', id: towns.bySlug('sheshan')!.id },
				period: '2026-07',
				text: 'x',
				figures: ''
			})
		).toThrow('责任单位');
		const due = plan.reports.dueFor(officer, '2026-12-01')!;
		expect(due.count).toBeGreaterThan(0);
		expect(due.href).toBe('/staff/plan/reports');
		expect(plan.reports.dueFor(SYSTEM)).toBeNull();
	});
});

describe('periods', () => {
	it('a period is due on the due day of the month after it ends, clamped to that month', () => {
		expect(dueDate('2026-03', 5)).toBe('2026-04-05');
		expect(dueDate('2026-12', 5)).toBe('2027-01-05');
		expect(dueDate('2026-Q1', 10)).toBe('2026-04-10');
		expect(dueDate('2026-01', 31)).toBe('2026-02-28');
		expect(periodsOf(2026, 'quarterly')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
	});

	it('every day falls in exactly one period of its year, which is due after the day', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
				fc.constantFrom('monthly' as const, 'quarterly' as const),
				fc.integer({ min: 1, max: 28 }),
				(d, cadence, dueDay) => {
					const day = d.toISOString().slice(0, 10);
					const p = periodOf(day, cadence);
					const all = periodsOf(Number(day.slice(0, 4)), cadence);
					return all.filter((x) => x === p).length === 1 && dueDate(p, dueDay) > day;
				}
			)
		);
	});

	it('a submitted report is on time exactly when first submitted by its due day', () => {
		fc.assert(
			fc.property(fc.integer({ min: -40, max: 40 }), (delta) => {
				const due = '2026-04-05';
				const on = new Date(Date.parse(due) + delta * 86_400_000).toISOString().slice(0, 10);
				const s = gridState({ status: 'submitted', firstSubmittedOn: on }, due, '2026-12-01');
				return s === (delta <= 0 ? 'on_time' : 'late');
			})
		);
	});
});
