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
	departmentId: number | null;
};

/** A session with its user and towns, in one statement: it runs on every signed-in request. */
export function sessionRow(id: string): SessionRow | undefined {
	return statement(
		`SELECT s.id, s.user_id AS userId, s.created_at AS createdAt, s.expires_at AS expiresAt,
		        u.username, u.display_name AS displayName, u.role, u.disabled_at AS disabledAt,
		        (SELECT group_concat(town_id) FROM user_town WHERE user_id = u.id) AS towns,
		        (SELECT department_id FROM user_department WHERE user_id = u.id) AS departmentId
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

// The campaign's aggregates: tuned for SQLite's planner at 200,000 enterprises.

/** Published commitments of the enterprise with this code, newest first (the scan page's). */
export function publishedCommitmentsOf(uscc: string, limit: number) {
	return statement(
		// `+c.status` keeps SQLite on the enterprise's own commitments: with the status index it would
		// walk every published commitment in date order to satisfy ORDER BY … LIMIT.
		`SELECT c.year, c.type, c.disclosed_on AS disclosedOn FROM commitment c
		 WHERE c.enterprise_id = (SELECT id FROM enterprise WHERE uscc = ?) AND +c.status = 'published'
		 ORDER BY c.disclosed_on DESC LIMIT ?`
	).all(uscc, limit) as { year: number; type: string; disclosedOn: string }[];
}

export type Daily = { townId: number; d: string; n: number };

/** Per town and day, enterprises whose first published commitment of the year fell that day. */
export function firstCommitmentsByTownAndDay(year: number) {
	return statement(
		`SELECT e.town_id AS townId, f.d AS d, COUNT(*) AS n
		 FROM (SELECT enterprise_id, MIN(disclosed_on) AS d FROM commitment
		       WHERE year = ? AND status = 'published' GROUP BY enterprise_id) f
		 JOIN enterprise e ON e.id = f.enterprise_id
		 GROUP BY e.town_id, f.d`
	).all(year) as Daily[];
}

/** Per town and issue day, the year's issued credit reports. */
export function issuedReportsByTownAndDay(year: number) {
	return statement(
		`SELECT e.town_id AS townId, COALESCE(r.issued_on, '') AS d, COUNT(*) AS n
		 FROM credit_report r JOIN enterprise e ON e.id = r.enterprise_id
		 WHERE r.year = ? AND r.status = 'issued'
		 GROUP BY e.town_id, r.issued_on`
	).all(year) as Daily[];
}

/** Each town's latest filed count of the year. */
export function latestCountReports(year: number) {
	return statement(
		`SELECT town_id AS townId, as_of AS asOf, commitments, reports FROM count_report c
		 WHERE year = ? AND id = (SELECT id FROM count_report c2 WHERE c2.year = c.year AND c2.town_id = c.town_id
		                          AND c2.voided_at IS NULL ORDER BY as_of DESC, id DESC LIMIT 1)`
	).all(year) as { townId: number; asOf: string; commitments: number; reports: number }[];
}

/** Commitments of the year withdrawn since a moment (ms). */
export function withdrawnSince(year: number, since: number): number {
	return (
		statement(
			`SELECT COUNT(*) AS n FROM commitment WHERE year = ? AND status = 'withdrawn' AND withdrawn_at >= ?`
		).get(year, since) as { n: number }
	).n;
}

/** The tables whose row counts say a copy holds the same data (drills, restores). */
const COUNTED = [
	'user',
	'town',
	'street',
	'merchant',
	'inspection',
	'badge',
	'instrument',
	'feedback',
	'enterprise',
	'commitment',
	'credit_report',
	'event',
	'audit_log'
] as const;

/** Row counts of the main tables, in the open database or in the SQLite file `file`. */
export function countRows(file?: string): Record<string, number> {
	const client = file ? openReadOnly(file) : db.$client;
	try {
		return Object.fromEntries(
			COUNTED.map((t) => [
				t,
				(client.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n
			])
		);
	} finally {
		if (file) client.close();
	}
}

/** `PRAGMA integrity_check` of the open database or of the file: 'ok', or the problems found. */
export function integrity(file?: string): string {
	const client = file ? openReadOnly(file) : db.$client;
	try {
		const rows = client.pragma('integrity_check') as { integrity_check: string }[];
		return rows.map((r) => r.integrity_check).join('; ');
	} finally {
		if (file) client.close();
	}
}

function openReadOnly(file: string): Database.Database {
	return new (db.$client.constructor as typeof Database)(file, {
		readonly: true,
		fileMustExist: true
	});
}
