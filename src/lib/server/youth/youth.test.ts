import { describe, expect, it } from 'vitest';
import * as youth from '.';
import * as extras from '../events/extras';
import { makeEvent } from '../testing/factories';
import { SYSTEM } from '../actor';
import * as towns from '../towns';
import { eventReachSchema } from '../../schemas/youth';
import { makeUser } from '../testing/users';
import { DomainError } from '../forms';
import { runFile } from '../files/imports';
import { db } from '../db';
import { auditLog } from '../db/schema';
import { and, eq } from 'drizzle-orm';

function school(name: string, kind: 'primary' | 'junior', town = 'maogang') {
	return youth.createSchool(SYSTEM, { name, kind, townId: towns.bySlug(town)!.id, address: '' });
}

function reach(fields: Record<string, string | string[]>) {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields))
		for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
	return extras.read(f);
}

describe('an event’s reach', () => {
	it('counts schools reached and students per grade band and town', () => {
		const a = school('泖港测试小学（演示）', 'primary');
		const b = school('泖港测试中学（演示）', 'junior');
		const c = school('泖港另一小学（演示）', 'primary');
		const e = makeEvent(SYSTEM, { town: 'maogang', theme: '诚信进校园', startDate: '2026-04-10' });
		const r = reach({
			youthActivity: 'class_meeting',
			aud_teacher: '12',
			reachSchool: [String(a.id), String(b.id), ''],
			reachStudents: ['180', '120', '']
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		// The students' total is the schools' sum when left blank.
		expect(r.data.youth.audiences).toEqual({ teacher: 12, student: 300 });
		extras.save(SYSTEM, e.id, r.data);
		const values = extras.valuesOf(e.id);
		expect(values).toMatchObject({ youthActivity: 'class_meeting', aud_student: '300' });
		expect([...(values.reachSchool as string[])].sort()).toEqual(
			[String(a.id), String(b.id)].sort()
		);
		const mg = towns.bySlug('maogang')!.id;
		const v = youth.view(2026, [mg]);
		expect(v.reached.map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
		expect(v.notReached.map((s) => s.id)).toContain(c.id);
		const band = v.bands.find((x) => x.id === mg)!;
		expect(band.cells.primary).toBe(180);
		expect(band.cells.junior).toBe(120);
		expect(v.byType.find((t) => t.type === 'class_meeting')).toMatchObject({
			events: 1,
			students: 300
		});
		expect(v.totals.studentsReached).toBe(300);
		expect(youth.figures(2026).schoolsReached).toBeGreaterThanOrEqual(2);
		// Another year sees none of it.
		expect(youth.view(2025, [mg]).reached).toHaveLength(0);
	});

	it('refuses a student total below the schools’ sum, and a school twice', () => {
		const bad = eventReachSchema.safeParse({
			aud_student: '50',
			reachSchool: ['1', '2'],
			reachStudents: ['40', '30']
		});
		expect(bad.success).toBe(false);
		expect(bad.error?.issues[0].message).toMatch(/少于各学校学生人数之和/);
		const twice = eventReachSchema.safeParse({ reachSchool: ['1', '1'], reachStudents: ['', ''] });
		expect(twice.error?.issues[0].message).toMatch(/只需填写一次/);
	});
});

describe('the schools an event names', () => {
	it('are in a town the actor may write: a town officer cannot name another town’s school', async () => {
		const own = school('岳阳测试小学（演示）', 'primary', 'yueyang');
		const other = school('佘山测试小学（演示）', 'primary', 'sheshan');
		const officer = await makeUser('town_officer', ['yueyang']);
		const e = makeEvent(officer, { town: 'yueyang', startDate: '2026-05-10' });
		const r = reach({
			reachSchool: [String(own.id), String(other.id)],
			reachStudents: ['10', '20']
		});
		if (!r.ok) throw new Error('reach did not parse');
		let thrown: unknown;
		try {
			youth.setForEvent(officer, e.id, r.data.youth);
		} catch (err) {
			thrown = err;
		}
		expect(thrown).toBeInstanceOf(DomainError);
		expect((thrown as DomainError).field).toBe('reachSchool');
		expect((thrown as DomainError).message).toMatch(/佘山测试小学.*不在您负责的街镇/);
		expect(youth.ofEvent(e.id).schools).toHaveLength(0);
		expect(youth.ofEvent(e.id).audiences).toEqual({});
		// Its own town's school is fine; a department officer's event may name any school.
		const mine = reach({ reachSchool: [String(own.id)], reachStudents: ['10'] });
		if (!mine.ok) throw new Error('reach did not parse');
		youth.setForEvent(officer, e.id, mine.data.youth);
		expect(youth.ofEvent(e.id).schools.map((s) => s.id)).toEqual([own.id]);
		const edu = await makeUser('department_officer');
		const d = makeEvent(edu, { town: null, department: '区教育局', startDate: '2026-05-11' });
		youth.setForEvent(edu, d.id, r.data.youth);
		expect(youth.ofEvent(d.id).schools).toHaveLength(2);
	});
});

describe('the schools register', () => {
	it('edits, retires and brings back a school, each audited', async () => {
		const admin = await makeUser('district_admin');
		const s = school('洞泾测试小学（演示）', 'primary', 'dongjing');
		const ssh = towns.bySlug('sheshan')!.id;
		const input = {
			name: '佘山测试九年制学校（演示）',
			kind: 'nine_year' as const,
			townId: ssh,
			address: '佘山镇',
			lat: 31.1,
			lng: 121.2
		};
		const after = youth.updateSchool(admin, s.id, input);
		expect(after).toMatchObject(input);
		expect(youth.register(ssh).map((r) => r.id)).toContain(s.id);
		expect(youth.register(towns.bySlug('dongjing')!.id).map((r) => r.id)).not.toContain(s.id);
		expect(() =>
			youth.updateSchool(admin, s.id, { ...input, name: '泖港测试小学（演示）' })
		).toThrow(/已有同名学校/);
		youth.setSchoolActive(admin, s.id, false);
		expect(youth.schools().map((r) => r.id)).not.toContain(s.id);
		expect(youth.register(ssh).find((r) => r.id === s.id)?.active).toBe(false);
		const trail = db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityType, 'school'), eq(auditLog.entityId, String(s.id))))
			.all();
		expect(trail.map((a) => a.action)).toEqual(['school.create', 'school.update', 'school.retire']);
	});

	it('imports a CSV whole, with row numbers for bad rows, and writes nothing when one is bad', async () => {
		const lines: string[] = [];
		const log = (l: string) => lines.push(l);
		const head = '学校名称,学段,所属街镇,地址,纬度,经度';
		const csv = (rows: string[]) => new TextEncoder().encode([head, ...rows].join('\n'));
		const bad = csv([
			'叶榭测试小学（演示）,小学,叶榭镇,叶榭镇叶新公路 1 号,,',
			'叶榭测试中学（演示）,大学,叶榭镇,,,',
			'叶榭测试高中（演示）,高中,火星镇,,,'
		]);
		const ctx = { actor: SYSTEM };
		expect(
			await runFile(youth.schoolImportSpec, ctx, 'schools.csv', bad, {
				dryRun: false,
				log,
				allOrNothing: true
			})
		).toBe(3);
		expect(lines.join('\n')).toMatch(/第 3 行：学段「大学」无效/);
		expect(lines.join('\n')).toMatch(/第 4 行：所属街镇「火星镇」不存在/);
		expect(lines.join('\n')).toMatch(/全部未写入/);
		expect(youth.schoolByName('叶榭测试小学（演示）')).toBeUndefined();

		const good = csv([
			'叶榭测试小学（演示）,小学,叶榭镇,叶榭镇叶新公路 1 号,31.0,121.3',
			'叶榭测试中学（演示）,初中,叶榭镇,,,'
		]);
		lines.length = 0;
		expect(
			await runFile(youth.schoolImportSpec, ctx, 'schools.csv', good, {
				dryRun: true,
				log,
				allOrNothing: true
			})
		).toBe(0);
		expect(youth.schoolByName('叶榭测试小学（演示）')).toBeUndefined();
		expect(
			await runFile(youth.schoolImportSpec, ctx, 'schools.csv', good, {
				dryRun: false,
				log,
				allOrNothing: true
			})
		).toBe(0);
		expect(lines.at(-1)).toMatch(/新增 2 所学校/);
		expect(youth.schoolByName('叶榭测试小学（演示）')).toMatchObject({
			kind: 'primary',
			lat: 31,
			lng: 121.3
		});
		await runFile(youth.schoolImportSpec, ctx, 'schools.csv', good, {
			dryRun: false,
			log,
			allOrNothing: true
		});
		expect(lines.at(-1)).toMatch(/新增 0 所学校，2 所已存在/);
	});
});
