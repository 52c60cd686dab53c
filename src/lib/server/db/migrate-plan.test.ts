/**
 * Migration 0005 rebuilds the event table (its town becomes optional): with foreign keys on, as
 * the server runs, the rebuild must keep every event and every event photo.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function apply(db: Database.Database, file: string) {
	const sql = readFileSync(join('drizzle', file), 'utf8');
	db.transaction(() => {
		for (const stmt of sql.split('--> statement-breakpoint')) if (stmt.trim()) db.exec(stmt);
	})();
}

describe('migration 0005', () => {
	it('keeps events and their photos when the event table is rebuilt', () => {
		const db = new Database(':memory:');
		db.pragma('foreign_keys = ON');
		const files = readdirSync('drizzle')
			.filter((f) => f.endsWith('.sql'))
			.sort();
		const plan = files.findIndex((f) => f.startsWith('0005_'));
		for (const f of files.slice(0, plan)) apply(db, f);
		db.exec(`INSERT INTO town (slug, name, kind) VALUES ('t', '某镇', 'town');
			INSERT INTO event_option (kind, name) VALUES ('theme', '主题'), ('form', '形式');
			INSERT INTO event (title, town_id, theme_id, form_id, start_date, end_date, created_at, updated_at)
			VALUES ('活动', 1, 1, 2, '2026-05-01', '2026-05-01', 0, 0);
			INSERT INTO event_photo (event_id, key) VALUES (1, 'a.jpg'), (1, 'b.jpg');`);
		apply(db, files[plan]);
		expect(db.prepare('SELECT count(*) AS n FROM event').get()).toEqual({ n: 1 });
		expect(db.prepare('SELECT key FROM event_photo ORDER BY id').all()).toEqual([
			{ key: 'a.jpg' },
			{ key: 'b.jpg' }
		]);
		expect(db.prepare('SELECT department_id AS d FROM event').get()).toEqual({ d: null });
		db.exec(`INSERT INTO event (title, theme_id, form_id, start_date, end_date, created_at, updated_at)
			VALUES ('线上活动', 1, 2, '2026-05-02', '2026-05-02', 0, 0)`);
		expect(db.pragma('foreign_key_check')).toEqual([]);
		db.close();
	});
});
