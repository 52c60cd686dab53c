/**
 * The few statements written for this engine rather than through drizzle's builder — hot paths
 * where one hand-written statement, prepared once per connection, is worth it — and the engine's
 * own operations (online backup, a liveness probe). A second engine adds its versions here.
 */
import type Database from 'better-sqlite3';
import { db, type DB } from './index';

const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement prepared once per connection. */
function statement(text: string, target: DB = db): Database.Statement {
	const client = target.$client;
	let byText = prepared.get(client);
	if (!byText) prepared.set(client, (byText = new Map()));
	let stmt = byText.get(text);
	if (!stmt) byText.set(text, (stmt = client.prepare(text)));
	return stmt;
}

export type SessionRow = {
	id: string;
	userId: number;
	createdAt: number;
	expiresAt: number;
	username: string;
	displayName: string;
	role: string;
	disabledAt: number | null;
	/** Comma-separated town ids. */
	towns: string | null;
};

/** A session with its user and towns, in one statement: it runs on every signed-in request. */
export function sessionRow(id: string): SessionRow | undefined {
	return statement(
		`SELECT s.id, s.user_id AS userId, s.created_at AS createdAt, s.expires_at AS expiresAt,
		        u.username, u.display_name AS displayName, u.role, u.disabled_at AS disabledAt,
		        (SELECT group_concat(town_id) FROM user_town WHERE user_id = u.id) AS towns
		   FROM session s JOIN user u ON u.id = s.user_id WHERE s.id = ?`
	).get(id) as SessionRow | undefined;
}

/** Whether the database answers. */
export function alive(): boolean {
	try {
		return statement('SELECT 1 AS ok').get() !== undefined;
	} catch {
		return false;
	}
}

/** An online copy of the database to `target`, safe while the server runs. */
export async function backup(target: string) {
	await db.$client.backup(target);
}
