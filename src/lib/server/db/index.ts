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

/** Tables whose writes are state, not content: they never change the content version. */
export const STATE_TABLES = [
	'session',
	'audit_log',
	'badge_scan',
	'throttle',
	'rate_hit',
	'staged_import',
	'job_lease',
	'content_version'
];

/**
 * Migrations run with foreign keys off, as SQLite asks for table rebuilds (drizzle-kit rebuilds a
 * table to change a column): with them on, dropping the old table would cascade to its children.
 * The pragma has no effect inside a transaction, so it is set around the migrator's transaction,
 * and the keys are checked before they are turned back on.
 */
export function migrateDatabase(target: DB) {
	const client = target.$client;
	const enforced = client.pragma('foreign_keys', { simple: true }) === 1;
	client.pragma('foreign_keys = OFF');
	try {
		migrate(target, { migrationsFolder: process.env.MIGRATIONS_DIR ?? resolve('drizzle') });
		const broken = client.pragma('foreign_key_check') as unknown[];
		if (broken.length) throw new Error(`迁移后有 ${broken.length} 条记录的外键无效`);
	} finally {
		if (enforced) client.pragma('foreign_keys = ON');
	}
	ensureVersionTriggers(target);
}

/**
 * Every commit that writes a content table moves `content_version.v`, whichever process made it:
 * caches key on it. The triggers are derived from the tables present, so a table added by a later
 * migration is covered without anyone remembering to.
 */
function ensureVersionTriggers(target: DB) {
	const client = target.$client;
	const tables = client
		.prepare(
			// ordinary tables only: a search index (virtual table) and its shadow tables move with the
			// table they index
			"SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'"
		)
		.pluck()
		.all() as string[];
	client.transaction(() => {
		client.prepare('INSERT OR IGNORE INTO content_version (id, v) VALUES (1, 0)').run();
		for (const t of tables) {
			if (STATE_TABLES.includes(t)) continue;
			for (const op of ['INSERT', 'UPDATE', 'DELETE'])
				client.exec(
					`CREATE TRIGGER IF NOT EXISTS "cv_${t}_${op.toLowerCase()}" AFTER ${op} ON "${t}" ` +
						'BEGIN UPDATE content_version SET v = v + 1 WHERE id = 1; END'
				);
		}
	})();
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

const stamps = new WeakMap<object, { get(): number | undefined }>();

/**
 * The content version: changes with every committed write to content, from this process, another
 * worker or the CLI; unchanged by sessions, scans, throttles and other state. The key of `cached`.
 */
export function dataStamp(target: DB = db): string {
	const client = target.$client;
	let stmt = stamps.get(client);
	if (!stmt) {
		stmt = client.prepare('SELECT v FROM content_version WHERE id = 1').pluck() as {
			get(): number | undefined;
		};
		stamps.set(client, stmt);
	}
	return String(stmt.get() ?? 0);
}

export function closeDatabase() {
	instance?.$client.close();
	instance = undefined;
}

export { schema };

/**
 * A drizzle query built and prepared once per connection, for hot paths: `const q =
 * preparedOnce((d) => d.select()…prepare())`, then `q().get({ … })`.
 */
export function preparedOnce<Q>(build: (target: DB) => Q): () => Q {
	const byConnection = new WeakMap<object, Q>();
	return () => {
		const client = db.$client;
		let q = byConnection.get(client);
		if (!q) byConnection.set(client, (q = build(db)));
		return q;
	};
}
