import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { archiveEntry, merchant } from '../db/schema';
import * as directory from './directory';
import { fillStreets, STREETS } from '../testing/factories';
import { distanceM } from '../../map/legend';

const [yueyang, sijing] = [STREETS[0], STREETS[4]];
const filled = fillStreets({ streets: [yueyang, sijing], perStreet: 30, seed: 11 });

describe('public directory', () => {
	it('filters by town, street, level, category and name, as the map does', () => {
		const all = directory.list({ pageSize: 100 });
		expect(all.total).toBe(60);
		const town = directory.list({ town: 'sijing', pageSize: 100 });
		expect(town.total).toBe(30);
		expect(town.items.every((m) => m.streetId === filled[1].streetId)).toBe(true);
		const street = directory.list({ street: filled[0].streetId, level: 'model', pageSize: 100 });
		expect(
			street.items.every((m) => m.level === 'model' && m.streetId === filled[0].streetId)
		).toBe(true);
		const food = directory.list({ category: 'food', pageSize: 100 });
		expect(food.items.every((m) => m.category === 'food')).toBe(true);
		const name = all.items[7].name.slice(0, 3);
		const byName = directory.list({ q: name, pageSize: 100 });
		expect(byName.total).toBeGreaterThan(0);
		expect(byName.items.every((m) => m.name.includes(name))).toBe(true);
		expect(directory.list({ q: '%' }).total).toBe(60);
	});

	it('puts model merchants first, and nearest first when asked', () => {
		const first = directory.list({ pageSize: 5 }).items;
		expect(first[0].level).toBe('model');
		const here: [number, number] = [sijing.from[0], sijing.from[1]];
		const near = directory.list({ near: here, pageSize: 60 }).items;
		expect(near[0].streetId).toBe(filled[1].streetId);
		const d = near.map((m) => distanceM(here, [m.lat!, m.lng!]));
		expect([...d].sort((a, b) => a - b)).toEqual(d);
	});

	it('pages through the list and keeps the page in range', () => {
		const p2 = directory.list({ page: 2, pageSize: 25 });
		expect(p2.page).toBe(2);
		expect(p2.items).toHaveLength(25);
		expect(directory.list({ page: 99, pageSize: 25 }).page).toBe(3);
	});

	it('shows the public archive without complainants, internal notes or hidden entries', () => {
		const m = db.select().from(merchant).where(eq(merchant.streetId, filled[0].streetId)).get()!;
		db.insert(archiveEntry)
			.values([
				{
					merchantId: m.id,
					townId: m.townId,
					kind: 'complaint',
					occurredAt: new Date(),
					points: -5,
					title: '投诉属实：短斤少两',
					publicNote: '已责令整改。',
					internalNote: '投诉人电话已回访',
					complainant: '张先生 13800001111',
					createdAt: new Date()
				},
				{
					merchantId: m.id,
					townId: m.townId,
					kind: 'note',
					occurredAt: new Date(),
					title: '内部记录',
					public: false,
					createdAt: new Date()
				}
			])
			.run();
		const entries = directory.publicArchive(m.id);
		expect(entries[0].title).toBe('投诉属实：短斤少两');
		expect(entries.some((e) => e.title === '内部记录')).toBe(false);
		const text = JSON.stringify(entries);
		expect(text).not.toContain('张先生');
		expect(text).not.toContain('回访');
		const page = directory.merchantPage(m.id)!;
		expect(page.name).toBe(m.name);
		expect(JSON.stringify(page)).not.toContain(m.uscc);
		expect(directory.merchantPage(999999)).toBeUndefined();
	});

	it('lists only valid model merchants on the red list', () => {
		const red = directory.redList(50);
		expect(red.length).toBeGreaterThan(0);
		for (const r of red) {
			const row = db.select().from(merchant).where(eq(merchant.id, r.id)).get()!;
			expect(row.level).toBe('model');
		}
	});
});
