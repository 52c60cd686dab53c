import { expect, test, type APIRequestContext } from '@playwright/test';
import { login, createUser } from '../helpers';
import { mapData, scanPath } from '../public/fixtures';

/*
 * Caching never carries a session. Signed in, every public URL is walked: nothing sets the
 * session cookie again (its expiry has not moved), anything that sets a cookie or shows the
 * signed-in state is `private, no-store`, and anything still `public` is exactly what a stranger
 * gets.
 */

async function publicUrls(request: APIRequestContext) {
	const data = await mapData(request);
	const merchant = data.merchants[0][0];
	const event = data.events[0]?.[0];
	const api = [
		'/api/v1/towns',
		'/api/v1/streets',
		'/api/v1/merchants',
		`/api/v1/merchants/${merchant}`,
		'/api/v1/commitments',
		'/api/v1/events',
		'/api/v1/map'
	];
	return [
		'/',
		'/map',
		'/map/list',
		'/redlist',
		'/events',
		...(event ? [`/events/${event}`] : []),
		`/merchants/${merchant}`,
		'/disclosures',
		await scanPath(request, merchant),
		...api
	];
}

const cacheOf = (h: Record<string, string>) => h['cache-control'] ?? '';

test('signed in, no public URL re-sends the session or is kept by a shared cache', async ({
	page,
	request
}) => {
	const officer = createUser('town_officer', ['sheshan']);
	const displayName = officer.username;
	await login(page, officer.username, officer.password);
	const session = (await page.context().cookies()).find((c) => c.name === 'cx_session');
	expect(session).toBeDefined();
	const cookie = `cx_session=${session!.value}`;

	for (const url of await publicUrls(request)) {
		const mine = await page.request.fetch(url, { headers: { cookie }, maxRedirects: 0 });
		const theirs = await request.fetch(url, { headers: { cookie: '' }, maxRedirects: 0 });
		expect(mine.status(), url).toBeLessThan(400);
		const h = mine.headers();
		// the expiry did not move, so the cookie is not sent again
		expect(h['set-cookie'], url).toBeUndefined();
		if (cacheOf(h).includes('public')) {
			expect(await mine.body(), `${url}: public but not what a stranger gets`).toEqual(
				await theirs.body()
			);
		} else {
			expect(cacheOf(h), url).toContain('private');
			expect(cacheOf(h), url).toContain('no-store');
		}
		// a page shows who is signed in: never cacheable for others
		if ((h['content-type'] ?? '').includes('text/html'))
			expect(cacheOf(h), url).toContain('no-store');
		// and what a stranger gets never holds the officer
		const anon = theirs.headers();
		expect(anon['set-cookie'], url).toBeUndefined();
		expect(await theirs.text(), url).not.toContain(displayName);
	}
});

test('a response that sets a cookie is private, no-store', async ({ request }) => {
	// a stale session cookie is deleted by the answer
	for (const url of ['/', '/disclosures', '/api/v1/towns', '/redlist']) {
		const res = await request.fetch(url, { headers: { cookie: 'cx_session=stale' } });
		const h = res.headers();
		expect(h['set-cookie'], url).toContain('cx_session=');
		expect(cacheOf(h), url).toContain('private');
		expect(cacheOf(h), url).toContain('no-store');
	}
});

test('every answer carries a request id', async ({ request }) => {
	const res = await request.get('/api/v1/towns');
	expect(res.headers()['x-request-id']).toMatch(/^[\w.:-]{8,64}$/);
	const given = await request.get('/', { headers: { 'x-request-id': 'proxy-abc-123' } });
	expect(given.headers()['x-request-id']).toBe('proxy-abc-123');
});
