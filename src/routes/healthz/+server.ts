import cluster from 'node:cluster';
import { json } from '@sveltejs/kit';
import { alive } from '$lib/server/db/raw';
import type { RequestHandler } from './$types';

/** Which worker answered (0 when the server runs as one process): operators and tests see it. */
const worker = cluster.worker?.id ?? 0;

export const GET: RequestHandler = () => {
	if (alive()) return json({ ok: true, worker }, { headers: { 'cache-control': 'no-store' } });
	return json({ ok: false, error: '数据库不可用', worker }, { status: 503 });
};
