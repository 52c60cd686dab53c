import { expect, test } from '@playwright/test';

test('the public searches the disclosure list on a phone, with no login', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: '信用承诺公示' }).first().click();
	await expect(page.getByRole('heading', { name: '企业信用承诺公示' })).toBeVisible();
	await page.getByLabel('所属街镇').selectOption({ label: '泗泾镇' });
	await page.getByRole('button', { name: '查询' }).click();
	await expect(page).toHaveURL(/town=sijing/);
	const towns = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
	expect(towns.length).toBeGreaterThan(0);
	expect(new Set(towns)).toEqual(new Set(['泗泾镇']));
	await page.getByRole('link', { name: '下一页' }).click();
	await expect(page.getByText(/第 2 \/ \d+ 页/)).toBeVisible();
	await page.getByLabel('企业名称或统一社会信用代码').fill('不存在的企业名称');
	await page.getByRole('button', { name: '查询' }).click();
	await expect(page.getByText('没有找到符合条件的公示')).toBeVisible();
});
