import { expect, test, type Browser } from '@playwright/test';
import { createUser, login, loginAsAdmin } from '../helpers';
import { withCheckCharacter } from '../../../src/lib/uscc';

// An 8×8 red PNG.
const PNG =
	'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC';

/** A new merchant on a demo street, added by a district admin through the staff form. */
async function newMerchant(browser: Browser, street: string) {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await loginAsAdmin(page);
	await page.goto('/staff/merchants/new');
	const name = `松江云间点心店${Date.now() % 100000}`;
	await page.getByLabel('商户名称').fill(name);
	const digits = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
	await page.getByLabel('统一社会信用代码').fill(withCheckCharacter(`92310117MA1${digits}`));
	await page.getByLabel('所在示范街').selectOption({ label: street });
	await page.getByLabel('类别').selectOption('food');
	await page.getByLabel('经营地址').fill('中山中路 150 号');
	await page.getByLabel('纬度').fill('31.0117');
	await page.getByLabel('经度').fill('121.2275');
	// Not an image: refused with the reason, and what was typed stays.
	await page.getByLabel('门头照片').setInputFiles({
		name: 'shop.jpg',
		mimeType: 'image/jpeg',
		buffer: Buffer.from('this is not a picture')
	});
	await page.getByRole('button', { name: '保存商户' }).click();
	await expect(page.getByText('这个文件不是有效的图片')).toBeVisible();
	await expect(page.getByLabel('商户名称')).toHaveValue(name);
	await page.getByLabel('门头照片').setInputFiles({
		name: 'shop.png',
		mimeType: 'image/png',
		buffer: Buffer.from(PNG, 'base64')
	});
	await page.getByRole('button', { name: '保存商户' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const id = Number(/\/staff\/merchants\/(\d+)/.exec(page.url())![1]);
	await ctx.close();
	return { id, name };
}

test('an inspector rates a merchant on a phone, a penalty downgrades it, the public archive says why', async ({
	page,
	browser
}) => {
	const m = await newMerchant(browser, '中山中路商业街（中山街道）');
	const inspector = createUser('inspector', ['zhongshan']);
	await login(page, inspector.username, inspector.password);

	await page.goto(`/staff/merchants/${m.id}`);
	await page.getByRole('button', { name: '开始检查评审' }).click();
	await expect(page.getByRole('heading', { level: 1, name: m.name })).toBeVisible();

	// The metrology item shows the merchant's instruments to the inspector.
	await expect(page.getByRole('note').first()).toContainText('计量器具');

	// Submitting with items unscored is refused by the browser; score every item.
	for (const button of await page.getByRole('button', { name: '满分' }).all()) await button.click();
	await page.getByLabel('得分').nth(3).fill('5');
	await expect(page.getByText('合计 95 分')).toBeVisible();
	await page.getByLabel('备注').first().fill('营业执照悬挂于收银台上方');
	await page.getByRole('button', { name: '提交评审' }).click();

	await expect(page.getByRole('status')).toContainText('总分 95');
	await expect(page.getByRole('status')).toContainText('诚信经营模范商户');

	await page.goto(`/staff/merchants/${m.id}`);
	await expect(page.getByText(/SJ-\d{4}-\d{6}/).first()).toBeVisible();
	await expect(page.getByText('授予诚信经营模范商户牌匾')).toBeVisible();

	// Inspectors score; point changes and revocations are not theirs to record.
	await expect(page.getByRole('heading', { name: '记录监管事项' })).toHaveCount(0);
	const refused = await page.request.post(`/staff/merchants/${m.id}?/supervise`, {
		form: { kind: 'veto', title: '试图撤销' },
		headers: {
			origin: new URL(page.url()).origin,
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		}
	});
	expect(await refused.text()).toContain('没有权限');

	// A town officer of the same town records an administrative penalty.
	const officer = createUser('town_officer', ['zhongshan']);
	const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const office = await ctx.newPage();
	await login(office, officer.username, officer.password);
	await office.goto(`/staff/merchants/${m.id}`);
	await office.getByLabel('事项类型').selectOption('penalty');
	await office.getByLabel('标题').fill('因价格标示不规范受到行政处罚');
	await office.getByLabel('公开说明').fill('松江区市场监督管理局作出警告的行政处罚');
	await office.getByLabel('投诉人（仅工作人员可见）').fill('周先生 13911112222');
	await office.getByRole('button', { name: '记录' }).click();
	await expect(office.getByRole('status')).toContainText('降为诚信经营商户');
	await ctx.close();

	// The public archive shows the downgrade and its reason, and nothing about the complainant.
	const pub = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const anon = await pub.newPage();
	await anon.goto(`/merchants/${m.id}`);
	await expect(anon.getByRole('img', { name: `${m.name}门头照片` })).toBeVisible();
	await expect(anon.getByText('牌匾已降级')).toBeVisible();
	await expect(anon.getByText('因价格标示不规范受到行政处罚')).toBeVisible();
	await expect(anon.getByText('动态分 85 低于模范商户分数线 90').first()).toBeVisible();
	await expect(anon.locator('body')).not.toContainText('13911112222');
	await expect(anon.locator('body')).not.toContainText('周先生');
	await pub.close();
});

test('an inspector cannot inspect a merchant of another town', async ({ page }) => {
	const res0 = await page.request.get('/api/v1/merchants?town=zhongshan');
	const m = (await res0.json()).items[0];
	const inspector = createUser('inspector', ['sheshan']);
	await login(page, inspector.username, inspector.password);
	const res = await page.goto(`/staff/merchants/${m.id}`);
	expect(res?.status()).toBe(403);
	await expect(page.getByText('您只能查看和修改本街镇的记录')).toBeVisible();
	const post = await page.request.post(`/staff/merchants/${m.id}?/inspect`, {
		form: {},
		headers: { origin: process.env.E2E_ORIGIN! }
	});
	expect(post.status()).toBe(403);
});
