import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loginAsAdmin } from '../helpers';

test('the dashboard shows each town’s publicity events beside its progress', async ({ page }) => {
	await loginAsAdmin(page);
	await page.goto('/staff/campaign');
	await expect(page.getByRole('columnheader', { name: /宣传活动/ })).toBeVisible();
	const cell = page.getByTestId('events-xinbang');
	const before = Number(/^\s*(\d+)/.exec((await cell.textContent()) ?? '')?.[1] ?? 0);

	// The town logs one more event (here through the operators' import).
	const year = new Date().getFullYear();
	const dir = mkdtempSync(join(tmpdir(), 'events-'));
	const file = join(dir, 'events.csv');
	writeFileSync(
		file,
		`活动名称,街镇,主题,形式,开始日期\n新浜镇诚信进社区宣讲,新浜镇,诚信进社区,事迹宣讲,${year}-01-05\n`
	);
	execFileSync(process.execPath, ['scripts/cli.js', 'events', 'import', file, '--commit'], {
		env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
		stdio: 'pipe'
	});

	await page.reload();
	await expect(page.getByTestId('events-xinbang')).toContainText(String(before + 1));
});
