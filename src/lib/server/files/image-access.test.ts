import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM } from '../actor';
import { makeEvent, makeFeedback, makeMerchant, makeStreet, makeUser } from '../testing/factories';
import * as events from '../events';
import * as images from './image-access';
import * as merchants from '../streets/merchants';
import type { SessionUser } from '../auth/session';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { merchant } from '../db/schema';

process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'chengxin-img-'));
const dir = join(process.env.DATA_DIR, 'uploads', 'img');
mkdirSync(dir, { recursive: true });

/** A stored image of both sizes (bytes need not be a real JPEG: the route only reads them). */
function stored(): string {
	const key = `${crypto.randomUUID()}.jpg`;
	writeFileSync(join(dir, key), 'large');
	writeFileSync(join(dir, key.replace('.jpg', '-s.jpg')), 'small');
	return key;
}

const { GET } = await import('../../../routes/uploads/img/[key]/+server');

async function fetchImage(key: string, user: SessionUser | null) {
	try {
		const res = (await GET({ params: { key }, locals: { user } } as never)) as Response;
		return { status: res.status, cache: res.headers.get('cache-control') };
	} catch (e) {
		return { status: (e as { status: number }).status, cache: null };
	}
}

let yueyang: SessionUser;
let sheshan: SessionUser;
let sheshanOfficer: SessionUser;
let admin: SessionUser;
const keys = {} as Record<'storefront' | 'feedback' | 'publicEvent' | 'privateEvent', string>;
let merchantId: number;

beforeAll(async () => {
	yueyang = await makeUser('town_officer', ['yueyang']);
	sheshan = await makeUser('inspector', ['sheshan']);
	admin = await makeUser('district_admin');
	sheshanOfficer = await makeUser('town_officer', ['sheshan']);
	const street = makeStreet(SYSTEM, 'yueyang');
	keys.storefront = stored();
	const m = makeMerchant(SYSTEM, street.id);
	merchantId = m.id;
	merchants.update(SYSTEM, m.id, { ...m, photoKey: keys.storefront });
	keys.feedback = stored();
	makeFeedback(m.id, { photoKey: keys.feedback });
	keys.publicEvent = stored();
	makeEvent(SYSTEM, { town: 'sheshan', isPublic: true }, [keys.publicEvent]);
	keys.privateEvent = stored();
	makeEvent(SYSTEM, { town: 'yueyang', isPublic: false }, [keys.privateEvent]);
});

describe('stored images', () => {
	it('storefront and public-event photos are public, both sizes', async () => {
		for (const key of [keys.storefront, keys.storefront.replace('.jpg', '-s.jpg')])
			expect(await fetchImage(key, null)).toEqual({
				status: 200,
				cache: 'public, max-age=31536000, immutable'
			});
		expect(await fetchImage(keys.publicEvent, null)).toEqual({
			status: 200,
			cache: 'public, max-age=600'
		});
	});

	it('feedback photos and non-public events are not found by strangers', async () => {
		for (const key of [
			keys.feedback,
			keys.privateEvent,
			keys.privateEvent.replace('.jpg', '-s.jpg')
		])
			expect((await fetchImage(key, null)).status, key).toBe(404);
	});

	it("staff images open to the record's town and the district, privately", async () => {
		for (const u of [yueyang, admin])
			for (const key of [keys.feedback, keys.privateEvent])
				expect(await fetchImage(key, u)).toEqual({ status: 200, cache: 'private, max-age=600' });
		for (const key of [keys.feedback, keys.privateEvent])
			expect((await fetchImage(key, sheshan)).status).toBe(403);
	});

	it("a feedback photo follows its merchant's town", async () => {
		const moved = makeStreet(SYSTEM, 'sheshan');
		const m = db.select().from(merchant).where(eq(merchant.id, merchantId)).get()!;
		merchants.update(SYSTEM, merchantId, { ...m, streetId: moved.id });
		expect((await fetchImage(keys.feedback, sheshanOfficer)).status).toBe(200);
		// an inspector works on inspections only
		expect((await fetchImage(keys.feedback, sheshan)).status).toBe(403);
		expect((await fetchImage(keys.feedback, yueyang)).status).toBe(403);
	});

	it('inspection evidence opens to the inspectors of its town', async () => {
		expect(images.mayRead(sheshan, [{ record: 'inspection', townId: sheshan.townIds[0] }])).toBe(
			true
		);
		expect(images.mayRead(sheshan, [{ record: 'inspection', townId: yueyang.townIds[0] }])).toBe(
			false
		);
		expect(images.mayRead(sheshan, [{ record: 'event', townId: sheshan.townIds[0] }])).toBe(false);
	});

	it('deleting a photo deletes its file', async () => {
		const key = stored();
		const e = makeEvent(SYSTEM, { town: 'yueyang' }, [key]);
		events.remove(SYSTEM, e.id);
		await new Promise((r) => setTimeout(r, 50));
		expect(existsSync(join(dir, key))).toBe(false);
		expect(existsSync(join(dir, key.replace('.jpg', '-s.jpg')))).toBe(false);
		expect((await fetchImage(key, admin)).status).toBe(404);
	});
});
