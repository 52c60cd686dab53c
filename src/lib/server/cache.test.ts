import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cached, version } from './cache';
import { db } from './db';
import { rateHit, session, setting, town, user } from './db/schema';
import * as towns from './towns';
import { SYSTEM } from './actor';

describe('the content version and the cache', () => {
	it('keeps a value until content changes, from any connection', async () => {
		let runs = 0;
		const read = () => cached('test.count', () => ++runs);
		expect(read()).toBe(1);
		expect(read()).toBe(1);
		db.insert(setting).values({ key: 'cache.test', value: '1' }).run();
		expect(read()).toBe(2);

		// a second connection, as another worker or the CLI would have
		const { openDatabase } = await import('./db');
		const other = openDatabase(process.env.DATABASE_URL);
		other.update(setting).set({ value: '2' }).where(eq(setting.key, 'cache.test')).run();
		other.$client.close();
		expect(read()).toBe(3);
	});

	it('is not moved by state: sessions, rate hits', () => {
		const before = version();
		db.insert(rateHit).values({ bucket: 'x', at: 1 }).run();
		const u = db
			.insert(user)
			.values({
				username: 'cache-test',
				displayName: '测试',
				passwordHash: 'x',
				role: 'district_admin',
				createdAt: new Date()
			})
			.returning()
			.get();
		const afterUser = version();
		expect(afterUser).not.toBe(before);
		db.insert(session)
			.values({ id: 'cache-test', userId: u.id, createdAt: new Date(), expiresAt: new Date() })
			.run();
		expect(version()).toBe(afterUser);
	});

	it('towns renamed elsewhere are seen at once', () => {
		const t = towns.bySlug('sheshan')!;
		db.update(town).set({ name: '佘山镇（改）' }).where(eq(town.id, t.id)).run();
		expect(towns.bySlug('sheshan')!.name).toBe('佘山镇（改）');
		towns.update(SYSTEM, t.id, { name: '佘山镇', code: t.code, active: t.active });
		expect(towns.bySlug('sheshan')!.name).toBe('佘山镇');
	});

	it('a failed computation is not kept', async () => {
		let runs = 0;
		const read = () =>
			cached('test.fail', async () => {
				runs += 1;
				if (runs === 1) throw new Error('boom');
				return runs;
			});
		await expect(read()).rejects.toThrow('boom');
		await new Promise((r) => setTimeout(r, 0));
		expect(await read()).toBe(2);
	});
});
