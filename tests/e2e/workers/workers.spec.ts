import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { startServer, type Server } from '../server';
import { clientsPerWorker, type Pinned } from './pinned';
import { createUser } from '../helpers';
import { fakeUscc } from '../../../src/lib/server/testing/factories';

/*
 * The server as operators run it with `WORKERS=2 npm start`: two processes on one port and one
 * database. Each client below is held to one worker, so these tests decide where each request
 * lands and prove the two behave as one.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 50;
// Each client's one socket is what holds it to its worker: the server must not close it when idle.
const KEEP_SOCKETS = { KEEP_ALIVE_TIMEOUT: '600' };

test.describe.configure({ mode: 'serial' });

let server: Server;

/** A district admin on this server's own database. */
const addUser = () => createUser('district_admin', [], server.databaseUrl);
let a: Pinned;
let b: Pinned;

test.beforeAll(async () => {
	test.setTimeout(180_000);
	server = await startServer({ port: PORT, workers: 2, env: KEEP_SOCKETS });
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

test('five wrong passwords spread over both workers hold the sixth attempt', async () => {
	const u = addUser();
	for (const c of [a, b, a, b, a]) {
		const res = await wrong(c, u.username);
		expect(res.status).toBe(400);
		expect(res.body).toContain('用户名或密码不正确');
	}
	const sixth = await wrong(b, u.username);
	expect(sixth.status).toBe(429);
	expect(sixth.body).toContain('登录失败次数过多');
	// even the right password waits, on either worker, from the address that guessed
	for (const c of [a, b]) {
		const res = await c.postForm('/login', { username: u.username, password: u.password });
		expect(res.status).toBe(429);
		expect(res.body).toContain('登录失败次数过多');
	}
});

test('the failures still count after a restart', async () => {
	test.setTimeout(180_000);
	const u = addUser();
	for (const c of [a, b, a, b, a]) expect((await wrong(c, u.username)).status).toBe(400);
	a.close();
	b.close();
	await server.stop();
	server = await startServer({
		port: PORT,
		workers: 2,
		dataDir: server.dataDir,
		env: KEEP_SOCKETS
	});
	[a, b] = await clientsPerWorker(server.origin, 2);
	// the five failures before the restart still hold the sixth guess, and the right password
	expect((await wrong(b, u.username)).status).toBe(429);
	const res = await a.postForm('/login', { username: u.username, password: u.password });
	expect(res.status).toBe(429);
});

test('an import previewed on one worker commits on the other', async () => {
	const officer = addUser();
	await a.login(officer.username, officer.password);
	b.cookie = a.cookie; // the same session, held in the database, works on either worker
	const stamp = Date.now() % 100000;
	const name = `上海佘山跨进程导入有限公司${stamp}`;
	const csv = [
		'企业名称,统一社会信用代码,所属街镇,承诺类型,公示日期,公示渠道,公示链接',
		`${name},${fakeUscc(8_000_000 + stamp)},佘山镇,诚信经营承诺,${thisYear()}-01-15,信用松江网站,`
	].join('\r\n');
	const form = new FormData();
	form.set('year', String(thisYear()));
	form.set('file', new Blob([csv], { type: 'text/csv' }), '跨进程导入.csv');
	const multipart = new Response(form);
	const preview = await a.request('POST', '/staff/campaign/import/commitments?/preview', {
		body: Buffer.from(await multipart.arrayBuffer()),
		headers: { 'content-type': multipart.headers.get('content-type')! }
	});
	expect(preview.status).toBe(200);
	const token = /name="token" value="([^"]+)"/.exec(preview.body)?.[1];
	expect(token, '预览页应带有提交用的令牌').toBeTruthy();

	const commit = await b.postForm('/staff/campaign/import/commitments?/commit', { token: token! });
	expect(commit.status).toBe(200);
	expect(commit.body).toContain('导入完成');
	const found = JSON.parse((await a.get(`/api/v1/commitments?q=${encodeURIComponent(name)}`)).body);
	expect(found.total).toBe(1);
	// the token is spent, on every worker
	const again = await a.postForm('/staff/campaign/import/commitments?/commit', { token: token! });
	expect(again.body).not.toContain('导入完成');
});

test('a rating change shows on the map from both workers at once', async () => {
	const admin = addUser();
	await b.login(admin.username, admin.password);
	const before = await Promise.all([a, b].map(async (c) => c.get('/api/v1/map')));
	const [mapA, mapB] = before.map((r) => JSON.parse(r.body) as { merchants: unknown[][] });
	const model = mapA.merchants.find((m) => m[5] === 'm')!;
	expect(model, '演示数据中应有模范商户').toBeTruthy();
	expect(mapB.merchants.find((m) => m[0] === model[0])?.[5]).toBe('m');

	const res = await b.postForm(`/staff/merchants/${model[0]}?/supervise`, {
		kind: 'veto',
		title: '',
		points: '',
		publicNote: '发生重大质量安全事故，撤销牌匾',
		note: '',
		complainant: ''
	});
	expect(res.status).toBe(200);
	expect(res.body).toContain('已记录');

	for (const [i, c] of [a, b].entries()) {
		const r = await c.get('/api/v1/map', { 'if-none-match': String(before[i].headers.etag) });
		expect(r.status, `工作进程 ${c.worker}`).toBe(200);
		const level = (JSON.parse(r.body) as { merchants: unknown[][] }).merchants.find(
			(m) => m[0] === model[0]
		)?.[5];
		expect(level, `工作进程 ${c.worker}`).toBe('n');
	}
});

function thisYear() {
	return Number(
		new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
			new Date()
		)
	);
}
