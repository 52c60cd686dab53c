import cluster from 'node:cluster';
import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** Which worker answered (0 when the server runs as one process): operators and tests see it. */
const worker = cluster.worker?.id ?? 0;

export const GET: RequestHandler = () => {
	try {
		db.get(sql`select 1`);
		return json({ ok: true, worker }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json({ ok: false, error: '数据库不可用', worker }, { status: 503 });
	}
};
