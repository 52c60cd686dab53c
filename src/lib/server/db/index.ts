/**
 * The database: one SQLite file in WAL mode, opened on first use so that `vite build`, which imports
 * server modules, never opens it.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];

export function databasePath(): string {
	const url = process.env.DATABASE_URL ?? 'data/chengxin.db';
	return url.replace(/^file:/, '');
}

export function openDatabase(path = databasePath()): DB {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// 8 MB of page cache: the OS caches the file as well, and the server stays small.
	sqlite.pragma('cache_size = -8000');
	return drizzle(sqlite, { schema, casing: 'snake_case' }) as DB;
}

export function migrateDatabase(target: DB) {
	migrate(target, { migrationsFolder: process.env.MIGRATIONS_DIR ?? resolve('drizzle') });
}

let instance: DB | undefined;

function get(): DB {
	instance ??= openDatabase();
	return instance;
}

/** The shared database, opened lazily. */
export const db: DB = new Proxy({} as DB, {
	get(_, prop) {
		const target = get();
		const value = Reflect.get(target, prop, target);
		return typeof value === 'function' ? value.bind(target) : value;
	}
});

const stamps = new WeakMap<object, { get(): { t: number } }>();

/**
 * Changes whenever a write commits, on this connection (total_changes) or another one, such as the
 * CLI's (data_version): a key for caches of read-mostly aggregates.
 */
export function dataStamp(target: DB = db): string {
	const client = target.$client;
	let stmt = stamps.get(client);
	if (!stmt) {
		stmt = client.prepare('SELECT total_changes() AS t') as { get(): { t: number } };
		stamps.set(client, stmt);
	}
	return `${stmt.get().t}:${client.pragma('data_version', { simple: true })}`;
}

export function closeDatabase() {
	instance?.$client.close();
	instance = undefined;
}

export { schema };
