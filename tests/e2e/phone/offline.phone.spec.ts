import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import { createUser, login, loginAsAdmin } from '../helpers';

test.use({ viewport: { width: 360, height: 740 } });

/** A camera photo, larger than what is kept: the browser makes it smaller before queuing it. */
function cameraPhoto() {
	return sharp({
		create: { width: 3000, height: 2000, channels: 3, background: { r: 40, g: 120, b: 200 } }
	})
		.jpeg()
		.toBuffer();
}

let pick = 0;
/**
 * An open merchant of 中山街道 that no other test here inspects, and not one another spec made
 * (those carry long or unusual names that a renaming test would push past the name limit).
 */
async function merchantOf(page: Page) {
	const res = await page.request.get('/api/v1/merchants?town=zhongshan&pageSize=100');
	const items = ((await res.json()).items as { id: number; name: string }[]).filter((m) =>
		/^[\u4e00-\u9fff（）]{2,20}$/.test(m.name)
	);
	pick += 1;
	return items[items.length - pick];
}

/** The service worker controls the page (it answers for it when the signal is gone). */
async function controlled(page: Page) {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

async function startInspection(page: Page, merchantId: number) {
	await page.goto(`/staff/merchants/${merchantId}`);
	await page.getByRole('button', { name: '开始检查评审' }).click();
	await expect(page).toHaveURL(/\/staff\/inspections\/\d+$/);
	await controlled(page);
	return Number(/\/staff\/inspections\/(\d+)/.exec(page.url())![1]);
}

async function scoreEverything(page: Page) {
	for (const b of await page.getByRole('button', { name: '满分' }).all()) await b.click();
	await page.getByLabel('得分').first().fill('8');
	await page.getByLabel('备注').first().fill('证照齐全，价格标签清楚');
}

/** The inspections a merchant's staff page lists (drafts and submitted). */
async function inspectionsOf(page: Page, merchantId: number) {
	await page.goto(`/staff/merchants/${merchantId}`);
	return page.locator('a[href^="/staff/inspections/"]').count();
}

/**
 * An inspector of 中山街道 opens an inspection of a merchant of their own, online; then the signal
 * goes and they score every item. Returns the merchant, the inspection and how many inspections
 * the merchant's page listed with this one open.
 */
async function inspectOffline(page: Page, context: BrowserContext) {
	const inspector = createUser('inspector', ['zhongshan']);
	await login(page, inspector.username, inspector.password);
	const m = await merchantOf(page);
	const id = await startInspection(page, m.id);
	const before = await inspectionsOf(page, m.id);
	await page.goto(`/staff/inspections/${id}`);
	await controlled(page);
	await context.setOffline(true);
	await scoreEverything(page);
	return { m, id, before };
}

async function submitQueued(page: Page) {
	await page.getByRole('button', { name: '提交评审' }).click();
	await expect(page.getByText('待上传').first()).toBeVisible();
}

test('an inspection filled and submitted with no signal arrives once, with its photo, total and rating', async ({
	page,
	context
}) => {
	const { m, id, before } = await inspectOffline(page, context);
	const total = Number(
		/合计 (\d+(?:\.\d+)?) 分/.exec(
			(await page.locator('.live').innerText()).replace(/\s+/g, ' ')
		)![1]
	);
	await page
		.getByLabel('照片证据')
		.first()
		.setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto() });

	// Kept in the browser as it was entered, the photo made smaller first.
	await expect
		.poll(() =>
			page.evaluate(async (draftId) => {
				const db = await new Promise<IDBDatabase>((ok, ko) => {
					const r = indexedDB.open('chengxin-staff');
					r.onsuccess = () => ok(r.result);
					r.onerror = () => ko(r.error);
				});
				const d = await new Promise<{ photos: { file: Blob }[] } | undefined>((ok) => {
					const r = db.transaction('drafts').objectStore('drafts').getAll();
					r.onsuccess = () =>
						ok(
							(r.result as { draftId: string; photos: { file: Blob }[] }[]).find(
								(x) => x.draftId === draftId
							)
						);
				});
				db.close();
				if (!d?.photos.length) return null;
				const bmp = await createImageBitmap(d.photos[0].file);
				return { type: d.photos[0].file.type, w: bmp.width, h: bmp.height };
			}, `inspection:${id}`)
		)
		.toEqual({ type: 'image/jpeg', w: 1600, h: 1067 });

	await submitQueued(page);

	// A reload with no signal loses nothing: the app answers offline and lists what waits.
	await page.reload();
	await expect(page.getByText('待上传').first()).toBeVisible();
	await expect(page.getByText(`检查评审 · ${m.name}`)).toBeVisible();
	await page.screenshot({ path: 'test-results/phone/offline-queued.png', fullPage: true });

	// The signal returns: the inspection is sent and the inspector sees its result.
	await context.setOffline(false);
	await expect(page.getByRole('status').filter({ hasText: '评审已提交' })).toContainText(
		`总分 ${total}`,
		{ timeout: 20_000 }
	);
	await expect(page.getByRole('img', { name: /照片证据/ })).toHaveCount(1);
	await page.screenshot({ path: 'test-results/phone/offline-sent.png', fullPage: true });

	// One inspection, and the merchant's rating follows it.
	expect(await inspectionsOf(page, m.id)).toBe(before);
	await expect(page.locator(`a[href="/staff/inspections/${id}"]`)).toHaveCount(1);
	const level = total >= 90 ? '诚信经营模范商户' : total >= 75 ? '诚信经营商户' : '未达标';
	await expect(page.getByText(level).first()).toBeVisible();
	await expect(page.getByText('待上传')).toHaveCount(0);
});

test('the same queued inspection sent twice makes one inspection', async ({ page, context }) => {
	const { id, m, before } = await inspectOffline(page, context);
	await submitQueued(page);
	const item = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((ok) => {
			const r = indexedDB.open('chengxin-staff');
			r.onsuccess = () => ok(r.result);
		});
		const items = await new Promise<{ key: string; fields: [string, string][] }[]>((ok) => {
			const r = db.transaction('outbox').objectStore('outbox').getAll();
			r.onsuccess = () => ok(r.result);
		});
		db.close();
		return { count: items.length, key: items[0].key, fields: items[0].fields };
	});
	expect(item.count).toBe(1);

	// Back online the app sends it, and meanwhile the same item goes out twice more at once (a
	// retry racing the first try): every answer is the one inspection.
	await context.setOffline(false);
	const send = () =>
		page.request.post(`/staff/inspections/${id}?/submit`, {
			multipart: { ...Object.fromEntries(item.fields), submissionKey: item.key },
			headers: {
				origin: new URL(page.url()).origin,
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			}
		});
	const answers = await Promise.all([send(), send()]);
	for (const a of answers) {
		const body = await a.json();
		expect(body.type).toBe('redirect');
		expect(body.location).toBe(`/staff/inspections/${id}?submitted=1`);
	}
	await expect(page.getByRole('status').filter({ hasText: '评审已提交' })).toBeVisible({
		timeout: 20_000
	});
	// Later still, the key is answered the same and nothing is written again.
	const again = await send();
	expect((await again.json()).type).toBe('redirect');
	expect(await inspectionsOf(page, m.id)).toBe(before);
	await expect(page.locator(`a[href="/staff/inspections/${id}"]`)).toHaveCount(1);
});

test('a queued inspection is refused when the merchant changed meanwhile, and the draft is kept', async ({
	page,
	context,
	browser
}) => {
	const { m } = await inspectOffline(page, context);
	await submitQueued(page);

	// Meanwhile the town renames the merchant.
	const ctx = await browser.newContext();
	const admin = await ctx.newPage();
	await loginAsAdmin(admin);
	await admin.goto(`/staff/merchants/${m.id}/edit`);
	await admin.getByLabel('商户名称').fill(`${m.name}（新址）`);
	await admin.getByRole('button', { name: '保存修改' }).click();
	await expect(admin.getByRole('heading', { level: 1, name: `${m.name}（新址）` })).toBeVisible();
	await ctx.close();

	await context.setOffline(false);
	await expect(page.getByRole('alert').first()).toContainText('商户信息', { timeout: 20_000 });
	await expect(page.getByRole('alert').first()).toContainText('草稿已保留');
	// The draft is still on the form, to review and submit again.
	await expect(page.getByLabel('备注').first()).toHaveValue('证照齐全，价格标签清楚');
	await expect(page.getByLabel('得分').first()).toHaveValue('8');
	await page.reload();
	await expect(page.getByLabel('备注').first()).toHaveValue('证照齐全，价格标签清楚');
	await page.getByRole('button', { name: '提交评审' }).click();
	await expect(page.getByRole('status').filter({ hasText: '评审已提交' })).toBeVisible();
});

/** Fills in the event form (all but its photos). */
async function fillEvent(page: Page, title: string) {
	await page.getByLabel('活动主题').selectOption({ label: '诚信进社区' });
	await page.getByLabel('活动名称').fill(title);
	await page.getByLabel('活动形式').selectOption({ label: '事迹宣讲' });
	await page.getByRole('button', { name: '上周六' }).click();
	await page.getByLabel('活动地点').fill('佘山镇月湖社区睦邻点');
	await page.getByLabel('参与人数').fill('30');
}

test('an event logged with no signal is queued and saved once the signal returns', async ({
	page,
	context
}) => {
	const officer = createUser('town_officer', ['sheshan']);
	await login(page, officer.username, officer.password);
	await page.goto('/staff/events/new');
	await controlled(page);
	await context.setOffline(true);
	const title = `诚信进社区·离线登记 ${Date.now() % 100000}`;
	await fillEvent(page, title);
	await page.getByLabel('活动照片').setInputFiles({
		name: 'IMG_0002.jpg',
		mimeType: 'image/jpeg',
		buffer: await cameraPhoto()
	});
	// A reload with no signal: what was typed is kept.
	await page.waitForTimeout(500);
	await page.getByRole('button', { name: '保存活动' }).click();
	await expect(page.getByText('待上传').first()).toBeVisible();
	await page.reload();
	await expect(page.getByText('宣传教育活动').first()).toBeVisible();
	await context.setOffline(false);
	await expect(page.getByRole('heading', { name: title })).toBeVisible({ timeout: 20_000 });
	await expect(page.getByRole('img', { name: `${title}的活动照片` })).toBeVisible();
	await page.goto(`/staff/events?q=${encodeURIComponent(title)}`);
	await expect(page.getByText(title)).toHaveCount(1);
});

/** Signs out through the staff header's menu (a phone folds the account links behind it). */
async function logout(page: Page) {
	await page.getByRole('button', { name: '菜单' }).click();
	await page.getByRole('button', { name: '退出登录' }).click();
	await expect(page).toHaveURL(/\/login/);
}

/** How many drafts kept on this phone hold the value, whoever's they are. */
function draftsHolding(page: Page, value: string) {
	return page.evaluate(async (value) => {
		const db = await new Promise<IDBDatabase>((ok) => {
			const r = indexedDB.open('chengxin-staff');
			r.onsuccess = () => ok(r.result);
		});
		const all = await new Promise<{ fields: [string, string][] }[]>((ok) => {
			const r = db.transaction('drafts').objectStore('drafts').getAll();
			r.onsuccess = () => ok(r.result);
		});
		db.close();
		return all.filter((d) => d.fields.some(([, v]) => v === value)).length;
	}, value);
}

test("one officer's unsent draft is not put into the next officer's form on the same phone", async ({
	page
}) => {
	const a = createUser('town_officer', ['sheshan']);
	await login(page, a.username, a.password);
	await page.goto('/staff/events/new', { waitUntil: 'networkidle' });
	await page.getByLabel('活动名称').fill('甲的活动草稿');
	await page.getByLabel('活动地点').fill('甲填写的地点');
	// Kept on the phone as it was typed, and back in the form on a reload.
	await expect.poll(() => draftsHolding(page, '甲的活动草稿')).toBe(1);
	await page.reload({ waitUntil: 'networkidle' });
	await expect(page.getByLabel('活动名称')).toHaveValue('甲的活动草稿');
	await logout(page);

	const b = createUser('town_officer', ['sheshan']);
	await login(page, b.username, b.password);
	await page.goto('/staff/events/new', { waitUntil: 'networkidle' });
	await page.waitForTimeout(500);
	await expect(page.getByLabel('活动名称')).toHaveValue('');
	await expect(page.getByLabel('活动地点')).toHaveValue('');
	await expect(page.getByText('已恢复')).toHaveCount(0);
	// The first officer's draft left the phone with them.
	expect(await draftsHolding(page, '甲的活动草稿')).toBe(0);
});

/** The items in this phone's outbox, whoever's they are. */
function outboxItems(page: Page) {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((ok) => {
			const r = indexedDB.open('chengxin-staff');
			r.onsuccess = () => ok(r.result);
		});
		const all = await new Promise<{ userId: number; status: string; fields: [string, string][] }[]>(
			(ok) => {
				const r = db.transaction('outbox').objectStore('outbox').getAll();
				r.onsuccess = () => ok(r.result);
			}
		);
		db.close();
		return all.map((i) => ({ userId: i.userId, status: i.status }));
	});
}

test('a queued event waits for its own officer: never sent or shown while another is signed in', async ({
	page,
	context
}) => {
	const a = createUser('town_officer', ['sheshan']);
	const b = createUser('town_officer', ['sheshan']);
	const title = `诚信进社区·换人登记 ${Date.now() % 100000}`;
	await login(page, a.username, a.password);
	await page.goto('/staff/events/new', { waitUntil: 'networkidle' });
	await controlled(page);
	// The signal is too weak to carry the post: it waits in the outbox.
	const blocked = (url: URL) =>
		url.pathname === '/staff/events/new' && url.search.includes('create');
	await context.route(blocked, (r) => r.abort());
	await fillEvent(page, title);
	await page.getByRole('button', { name: '保存活动' }).click();
	await expect(page.getByText('1 项待上传')).toBeVisible();
	// The offline notice lists it for its officer.
	await context.setOffline(true);
	await page.goto('/staff');
	await expect(page.getByRole('heading', { name: '本机保存、等待上传' })).toBeVisible();
	await expect(page.locator('#items li')).toHaveCount(1);
	await context.setOffline(false);
	await expect(page.locator('.staff-header')).toBeVisible({ timeout: 20_000 });
	await logout(page);
	await context.unroute(blocked);

	// Another officer signs in on the same phone: the item is neither shown nor sent.
	await login(page, b.username, b.password);
	await expect(page.locator('.staff-header')).toBeVisible();
	await page.waitForTimeout(6000); // past one retry of the outbox
	await expect(page.getByText('项待上传')).toHaveCount(0);
	expect(await outboxItems(page)).toEqual([expect.objectContaining({ status: 'queued' })]);
	await page.goto(`/staff/events?q=${encodeURIComponent(title)}`);
	await expect(page.getByText(title)).toHaveCount(0);
	await controlled(page);
	await context.setOffline(true);
	await page.goto('/staff');
	await expect(page.getByRole('heading', { name: '暂无网络连接' })).toBeVisible();
	await expect(page.getByRole('heading', { name: '本机保存、等待上传' })).toBeHidden();
	await context.setOffline(false);
	await expect(page.locator('.staff-header')).toBeVisible({ timeout: 20_000 });
	await logout(page);

	// Its own officer signs in again: it goes out, once.
	await login(page, a.username, a.password);
	await expect.poll(() => outboxItems(page), { timeout: 20_000 }).toEqual([]);
	await page.goto(`/staff/events?q=${encodeURIComponent(title)}`);
	await expect(page.getByText(title)).toHaveCount(1);
});
