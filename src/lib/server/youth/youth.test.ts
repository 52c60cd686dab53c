import { describe, expect, it } from 'vitest';
import * as youth from '.';
import * as extras from '../events/extras';
import { makeEvent } from '../testing/factories';
import { SYSTEM } from '../actor';
import * as towns from '../towns';
import { eventReachSchema } from '../../schemas/youth';
import { makeUser } from '../testing/users';
import { DomainError } from '../forms';

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
