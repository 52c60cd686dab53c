/**
 * Each test file gets its own SQLite file, built from the committed migrations, with the towns
 * seeded: the same path the server takes on first start, without demo data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'chengxin-test-'));
process.env.DATABASE_URL = join(dir, 'test.db');
process.env.SEED_DEMO = '0';

const { db, migrateDatabase, closeDatabase } = await import('../db');
const { seedReference } = await import('../../../../seeds');
migrateDatabase(db);
seedReference();

afterAll(() => {
	closeDatabase();
	rmSync(dir, { recursive: true, force: true });
});
