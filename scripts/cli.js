#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so operators need no build step for it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx/cli');
const result = spawnSync(process.execPath, [tsx, 'src/cli/index.ts', ...process.argv.slice(2)], {
	stdio: 'inherit'
});
process.exit(result.status ?? 1);
