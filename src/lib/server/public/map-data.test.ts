import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { merchant, street } from '../db/schema';
import { supervision } from '../streets';
import { SYSTEM } from '../actor';
import * as mapData from './map-data';
import { benchStreets, fillStreets, STREETS } from '../testing/factories';
import { bulkStreets } from '../../../../seeds/bulk';
import { LEVEL_CODE } from '../../map/legend';

describe('map data', () => {
	it('holds every shown street and merchant as compact arrays', () => {
		const filled = fillStreets({ streets: STREETS.slice(0, 2), perStreet: 10, seed: 1 });
		const data = mapData.build();
		const ids = filled.map((s) => s.streetId);
		expect(data.streets.filter((s) => ids.includes(s[0]))).toHaveLength(2);
		const ours = data.merchants.filter((m) => ids.includes(m[1]));
		expect(ours).toHaveLength(20);
		const row = db.select().from(merchant).where(eq(merchant.id, ours[0][0])).get()!;
		expect(ours[0][2]).toBe(row.name);
		expect(ours[0][5]).toBe(LEVEL_CODE[row.level]);
		// Coordinates are rounded to five decimals.
		for (const m of ours) expect(String(m[3]).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(5);
		// A line street keeps its points as [lat, lng].
		const line = data.streets.find((s) => s[0] === ids[0])!;
		expect(line[4]).toBe('L');
		expect(line[5][0]).toEqual([STREETS[0].from[0], STREETS[0].from[1]]);
	});

	it('leaves out closed merchants and withdrawn streets', () => {
		const [a, b] = fillStreets({ streets: STREETS.slice(2, 4), perStreet: 3, seed: 2 });
		const closed = db.select().from(merchant).where(eq(merchant.streetId, a.streetId)).get()!;
		db.update(merchant).set({ tradingStatus: 'closed' }).where(eq(merchant.id, closed.id)).run();
		db.update(street).set({ status: 'withdrawn' }).where(eq(street.id, b.streetId)).run();
		const data = mapData.build();
		expect(data.merchants.some((m) => m[0] === closed.id)).toBe(false);
		expect(data.merchants.filter((m) => m[1] === a.streetId)).toHaveLength(2);
		expect(data.streets.some((s) => s[0] === b.streetId)).toBe(false);
		expect(data.merchants.some((m) => m[1] === b.streetId)).toBe(false);
	});

	it('gets a new version, and a new ETag, when a rating changes', () => {
		const [s] = fillStreets({ streets: STREETS.slice(4, 5), perStreet: 2, seed: 3 });
		const before = mapData.current();
		expect(mapData.current()).toBe(before);
		const m = db.select().from(merchant).where(eq(merchant.streetId, s.streetId)).get()!;
		supervision.record(SYSTEM, m.id, { kind: 'veto', title: '篡改计量器具' });
		const after = mapData.current();
		expect(after.etag).not.toBe(before.etag);
		const row = (
			JSON.parse(after.json.toString()) as ReturnType<typeof mapData.build>
		).merchants.find((r) => r[0] === m.id)!;
		expect(row[5]).toBe('n');
		expect(gunzipSync(after.gzip).equals(after.json)).toBe(true);
	});

	it('keeps the built data until the data changes, and answers its ETag from the version', () => {
		const first = mapData.current();
		expect(mapData.current()).toBe(first);
		expect(mapData.etag()).toBe(first.etag);
		fillStreets({ streets: STREETS.slice(5, 6), perStreet: 1, seed: 5 });
		expect(mapData.etag()).not.toBe(first.etag);
		const next = mapData.current();
		expect(next).not.toBe(first);
		expect(next.etag).toBe(mapData.etag());
	});

	it('keeps 5,000 merchants under 200 KB gzipped', () => {
		bulkStreets({ streets: benchStreets(100), perStreet: 50, seed: 4 });
		const data = mapData.current();
		const parsed = JSON.parse(data.json.toString()) as ReturnType<typeof mapData.build>;
		expect(parsed.merchants.length).toBeGreaterThanOrEqual(5000);
		expect(data.gzip.length).toBeLessThan(200 * 1024);
		// Filling 5,000 merchants takes a while on a busy machine; the assertions are about size.
	}, 90_000);
});
