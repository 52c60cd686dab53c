import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { startServer, type Server } from '../server';
import { addUser, clientsPerWorker, type Pinned } from './pinned';

/*
 * The server as operators run it with `WORKERS=2 npm start`: two processes on one port and one
 * database. Each client below is held to one worker, so these tests decide where each request
 * lands and prove the two behave as one.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 50;

test.describe.configure({ mode: 'serial' });

let server: Server;
let a: Pinned;
let b: Pinned;

test.beforeAll(async () => {
	test.setTimeout(180_000);
	server = await startServer({ port: PORT, workers: 2 });
	[a, b] = await clientsPerWorker(server.origin, 2);
});

test.afterAll(async () => {
	a?.close();
	b?.close();
	await server?.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
});

const wrong = (c: Pinned, username: string) =>
	c.postForm('/login', { username, password: 'not-the-password-1' });

test('two workers answer, on one port', async () => {
	expect(a.worker).not.toBe(b.worker);
});

test('six wrong passwords spread over both workers slow the seventh attempt', async () => {
	const u = addUser(server.databaseUrl, 'spread');
	for (const c of [a, b, a, b, a, b]) {
		const res = await wrong(c, u.username);
		expect(res.status).toBe(400);
		expect(res.body).toContain('用户名或密码不正确');
	}
	// even the right password waits, on either worker
	for (const c of [a, b]) {
		const res = await c.postForm('/login', { username: u.username, password: u.password });
		expect(res.status).toBe(429);
		expect(res.body).toContain('登录失败次数过多');
	}
});

test('the failures still count after a restart', async () => {
	test.setTimeout(180_000);
	const u = addUser(server.databaseUrl, 'restart');
	for (const c of [a, b, a, b, a]) expect((await wrong(c, u.username)).status).toBe(400);
	a.close();
	b.close();
	await server.stop();
	server = await startServer({ port: PORT, workers: 2, dataDir: server.dataDir });
	[a, b] = await clientsPerWorker(server.origin, 2);
	// the sixth failure, counted on top of the five before the restart, starts the wait
	expect((await wrong(b, u.username)).status).toBe(400);
	const res = await a.postForm('/login', { username: u.username, password: u.password });
	expect(res.status).toBe(429);
});
