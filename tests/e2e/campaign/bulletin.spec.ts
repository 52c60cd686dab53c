import { expect, test } from '@playwright/test';
import { loginAsAdmin } from '../helpers';

test('the monthly bulletin ranks every town and prints on one A4 page without the staff chrome', async ({
	page
}) => {
	await loginAsAdmin(page);
	await page.goto('/staff/campaign');
	await page.getByRole('link', { name: '月通报' }).click();
	await expect(page.getByRole('heading', { name: '企业信用承诺公示工作月通报' })).toBeVisible();
	// the ranking names all 19 towns and parks, one row each
	await expect(page.getByRole('table').first().locator('tbody tr')).toHaveCount(19);
	await expect(page.getByText(/完成率(均不)?低于时间进度/)).toBeVisible();

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: '工作台导航' })).toBeHidden();
	await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
	const pdf = await page.pdf({ format: 'A4' });
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
	expect(pages).toHaveLength(1);
});
