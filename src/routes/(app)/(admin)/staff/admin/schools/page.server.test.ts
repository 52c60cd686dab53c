import { describe, expect, it } from 'vitest';
import * as page from './+page.server';
import * as youth from '$lib/server/youth';
import * as towns from '$lib/server/towns';
import { makeUser } from '$lib/server/testing/users';
import { answer, requestEvent } from '$lib/server/testing/requests';

const path = '/staff/admin/schools';
const act = (
	name: keyof typeof page.actions,
	u: Awaited<ReturnType<typeof makeUser>>,
	form: Record<string, string>
) => answer(() => page.actions[name](requestEvent(u, path, {}, form)));

describe('/staff/admin/schools', () => {
	it('lets a district admin add, edit and retire a school, with the town filter', async () => {
		const admin = await makeUser('district_admin');
		const xq = towns.bySlug('xinqiao')!;
		const added = await act('create', admin, {
			name: '新桥测试小学（演示）',
			kind: 'primary',
			townId: String(xq.id),
			address: '新桥镇',
			locationLat: '31.05',
			locationLng: '121.32'
		});
		expect(added.status).toBe(200);
		const s = youth.schoolByName('新桥测试小学（演示）')!;
		expect(s).toMatchObject({ lat: 31.05, lng: 121.32, townId: xq.id });

		const bad = await act('update', admin, {
			id: String(s.id),
			name: '新',
			kind: 'primary',
			townId: String(xq.id),
			locationLat: '40',
			locationLng: '121'
		});
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ errors: { name: expect.stringMatching(/学校全称/) } });

		const edited = await act('update', admin, {
			id: String(s.id),
			name: '新桥测试初级中学（演示）',
			kind: 'junior',
			townId: String(xq.id),
			address: '',
			locationLat: '',
			locationLng: ''
		});
		expect(edited.status).toBe(200);
		expect(youth.schoolById(s.id)).toMatchObject({ kind: 'junior', lat: null });

		expect((await act('retire', admin, { id: String(s.id) })).status).toBe(200);
		expect(youth.schoolById(s.id)!.active).toBe(false);

		const list = await answer(() => page.load(requestEvent(admin, `${path}?town=xinqiao`)));
		const rows = (list.body as { schools: { id: number; townId: number }[] }).schools;
		expect(rows.map((r) => r.id)).toContain(s.id);
		expect(rows.every((r) => r.townId === xq.id)).toBe(true);
		expect(
			(await answer(() => page.load(requestEvent(admin, `${path}?town=nowhere`)))).status
		).toBe(400);
	});

	it('refuses everyone but a district admin', async () => {
		for (const role of ['town_officer', 'department_officer', 'inspector'] as const) {
			const u = await makeUser(role);
			expect((await answer(() => page.load(requestEvent(u, path)))).status).toBe(403);
			expect(
				(await act('create', u, { name: '不该有的学校（演示）', kind: 'primary', townId: '1' }))
					.status
			).toBe(403);
		}
		expect(youth.schoolByName('不该有的学校（演示）')).toBeUndefined();
	});
});
