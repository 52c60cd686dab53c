import { expect, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { loginAs } from '../helpers';
import { fakeUscc } from '../../../src/lib/server/testing/factories';

const year = Number(
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
		new Date()
	)
);

async function sheshanCount(page: import('@playwright/test').Page) {
	await page.goto('/staff/campaign');
	const text = await page.getByTestId('count-sheshan').innerText();
	return Number(text.split('/')[0].trim());
}

test('an officer imports a GBK CSV with bad rows, commits the good ones, and sees the dashboard move', async ({
	page,
	browser
}) => {
	await loginAs(page, 'town_officer', ['sheshan']);
	const before = await sheshanCount(page);

	const stamp = Date.now() % 100000;
	const codes = [1, 2, 3, 4].map((i) => fakeUscc(7_000_000 + stamp * 10 + i));
	const badCheck = codes[3].slice(0, 17) + (codes[3][17] === '0' ? '1' : '0');
	const csv = [
		'企业名称,统一社会信用代码,所属街镇,承诺类型,公示日期,公示渠道,公示链接',
		`上海佘山辰山茶叶有限公司${stamp},${codes[0]},佘山镇,诚信经营承诺,${year}-01-15,信用松江网站,`,
		`上海佘山坏代码有限公司,${badCheck},佘山镇,诚信经营承诺,${year}/2/1,企业门户,`,
		`上海佘山天马食品有限公司${stamp},${codes[1]},佘山镇,告知承诺,${year}/2/3,企业门户,`,
		`上海车墩外镇有限公司,${codes[3]},车墩镇,诚信经营承诺,${year}-02-04,现场公示,`,
		`上海佘山月湖文化传媒有限公司${stamp},${codes[2]},佘山镇,行业自律承诺,${year}年3月8日,现场公示,`,
		`上海佘山坏日期有限公司,${fakeUscc(7_900_000 + stamp)},佘山镇,诚信经营承诺,${year}-02-30,其他,`
	].join('\r\n');
	const bytes = iconv.encode(csv, 'gbk');

	await page.getByRole('link', { name: '批量导入' }).click();
	await expect(page.getByRole('heading', { name: '批量导入' })).toBeVisible();
	await page.getByLabel('选择文件').setInputFiles({
		name: '佘山镇信用承诺.csv',
		mimeType: 'text/csv',
		buffer: bytes
	});
	await page.getByRole('button', { name: '上传并预览' }).click();

	const preview = page.getByRole('region', { name: /导入预览/ });
	await expect(preview).toContainText('共 6 行');
	await expect(preview).toContainText('3 行可以导入');
	await expect(preview).toContainText('3 行有问题');
	const bad = preview.locator('table').first();
	await expect(bad.getByRole('row', { name: /第 3 行/ })).toContainText('校验位不符');
	await expect(bad.getByRole('row', { name: /第 5 行/ })).toContainText('不是您负责的街镇');
	await expect(bad.getByRole('row', { name: /第 7 行/ })).toContainText('无法识别');
	await expect(preview).toContainText(`上海佘山天马食品有限公司${stamp}`);

	await page.getByRole('button', { name: '确认导入 3 行' }).click();
	await expect(page.getByRole('status')).toContainText('新增 3 条信用承诺');

	expect(await sheshanCount(page)).toBe(before + 3);
	await expect(page.locator('tr[data-town="sheshan"]')).toBeVisible();
	await expect(page.locator('tr[data-town="chedun"]')).toHaveCount(0);

	// Importing the same file again changes nothing.
	await page.goto('/staff/campaign/import/commitments');
	await page.getByLabel('选择文件').setInputFiles({
		name: '佘山镇信用承诺.csv',
		mimeType: 'text/csv',
		buffer: bytes
	});
	await page.getByRole('button', { name: '上传并预览' }).click();
	await page.getByRole('button', { name: '确认导入 3 行' }).click();
	await expect(page.getByRole('status')).toContainText('3 条已存在');
	expect(await sheshanCount(page)).toBe(before + 3);

	// The public finds the new disclosure without logging in.
	const visitor = await browser.newPage();
	// a field typed into before the page has taken over may be cleared by it
	await visitor.goto('/disclosures', { waitUntil: 'networkidle' });
	await visitor.getByLabel('企业名称或统一社会信用代码').fill(codes[1]);
	await visitor.getByLabel('所属街镇').selectOption({ label: '佘山镇' });
	await visitor.getByRole('button', { name: '查询' }).click();
	await expect(
		visitor.getByRole('cell', { name: `上海佘山天马食品有限公司${stamp}` })
	).toBeVisible();
	await expect(visitor.getByText('共 1 条')).toBeVisible();
	await visitor.close();
});
