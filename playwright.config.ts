import { defineConfig, devices } from '@playwright/test';

const chromium = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};

export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	workers: 1,
	forbidOnly: true,
	retries: 0,
	timeout: 90_000,
	// CI machines are small and often busy: give a page ten seconds to show what it should.
	expect: { timeout: 10_000 },
	reporter: [['list']],
	outputDir: 'test-results/artifacts',
	use: {
		baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		launchOptions: chromium,
		screenshot: 'only-on-failure',
		trace: 'off'
	},
	projects: [
		{ name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions: chromium } },
		{
			name: 'phone',
			testMatch: /\.phone\.spec\.ts$/,
			use: {
				viewport: { width: 360, height: 740 },
				isMobile: true,
				hasTouch: true,
				deviceScaleFactor: 2,
				launchOptions: chromium
			}
		}
	]
});
