import { describe, expect, it } from 'vitest';
import * as due from '.';
import { instruments } from '../streets';
import { inspectUnit, makeMerchant, makeStreet, makeUnit, makeUser } from '../testing/factories';
import { todayISO } from '../../format';

const DAY = 86_400_000;
const day = (n: number) => todayISO(new Date(Date.now() + n * DAY));
const instrument = (nextDueOn: string) => ({
	type: 'price_scale' as const,
	serial: `S-${Math.random().toString(36).slice(2, 8)}`,
	lastVerifiedOn: day(-400),
	nextDueOn,
	certificateNo: '',
	note: ''
});

describe('work due on the one register of instruments', () => {
	it("counts a metrology unit's overdue and soon-due instruments in its town, linking to the unit", async () => {
		const officer = await makeUser('town_officer', ['maogang']);
		const elsewhere = await makeUser('town_officer', ['chedun']);
		const u = makeUnit(officer, 'maogang');
		instruments.create(officer, { unitId: u.id }, instrument(day(-3)));
		instruments.create(officer, { unitId: u.id }, instrument(day(-1)));
		instruments.create(officer, { unitId: u.id }, instrument(day(10)));
		instruments.create(officer, { unitId: u.id }, instrument(day(200)));
		const m = makeMerchant(officer, makeStreet(officer, 'maogang').id);
		instruments.create(officer, m.id, instrument(day(-5)));
		const items = due.forUser(officer);
		const find = (label: string) => items.find((i) => i.label === label);
		expect(find('已过检定有效期的计量器具（计量示范单位）')).toMatchObject({
			count: 2,
			href: `/staff/metrology/${u.id}#instruments`,
			tone: 'danger'
		});
		expect(find('30 天内需检定的计量器具（计量示范单位）')).toMatchObject({
			count: 1,
			href: `/staff/metrology/${u.id}#instruments`
		});
		// merchants' instruments keep their own item, under the same rule
		expect(find('已过检定有效期的计量器具')).toMatchObject({ count: 1, href: '/staff/merchants' });
		expect(due.forUser(elsewhere).some((i) => i.label.includes('计量示范单位'))).toBe(false);
		// a second unit: the item links to the list
		const v = makeUnit(officer, 'maogang');
		instruments.create(officer, { unitId: v.id }, instrument(day(-2)));
		expect(
			due.forUser(officer).find((i) => i.label === '已过检定有效期的计量器具（计量示范单位）')
		).toMatchObject({ count: 3, href: '/staff/metrology' });
	});

	it("lists a named unit whose yearly review is past or within 30 days, in the unit's town", async () => {
		const officer = await makeUser('town_officer', ['xiaokunshan']);
		const elsewhere = await makeUser('town_officer', ['jiuting']);
		const label = '诚信计量示范单位年度复核到期';
		const u = makeUnit(officer, 'xiaokunshan');
		// named 340 days ago: review due in 25 days
		inspectUnit(officer, u.id, 92, new Date(Date.now() - 340 * DAY));
		expect(due.forUser(officer).find((i) => i.label === label)).toMatchObject({
			count: 1,
			href: `/staff/metrology/${u.id}`,
			tone: 'warn'
		});
		expect(due.forUser(elsewhere).find((i) => i.label === label)).toBeUndefined();
		// another, named 400 days ago: overdue
		const v = makeUnit(officer, 'xiaokunshan');
		inspectUnit(officer, v.id, 92, new Date(Date.now() - 400 * DAY));
		expect(due.forUser(officer).find((i) => i.label === label)).toMatchObject({
			count: 2,
			href: '/staff/metrology?status=named',
			tone: 'danger'
		});
		// reviewed recently: no longer due
		inspectUnit(officer, v.id, 90, new Date(Date.now() - 2 * DAY));
		expect(due.forUser(officer).find((i) => i.label === label)?.count).toBe(1);
	});
});
