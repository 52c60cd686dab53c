import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import ICAL from 'ical.js';

const dir = mkdtempSync(join(tmpdir(), 'chengxin-gis-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Saves a response and asks GDAL (what QGIS opens files with) how many features it holds. */
async function ogrCount(request: APIRequestContext, path: string): Promise<number> {
	const res = await request.get(path);
	expect(res.status(), path).toBe(200);
	expect(res.headers()['content-type'], path).toBe('application/geo+json');
	const file = join(dir, `${path.replace(/\W+/g, '-')}.geojson`);
	writeFileSync(file, await res.body());
	const out = execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });
	return Number(/Feature Count: (\d+)/.exec(out)?.[1]);
}

/** How many items the JSON API lists with a location, page by page. */
async function located(request: APIRequestContext, path: string, where: (i: never) => boolean) {
	let n = 0;
	for (let page = 1; ; page++) {
		const body = (await (
			await request.get(`${path}${path.includes('?') ? '&' : '?'}page=${page}&pageSize=100`)
		).json()) as {
			items: never[];
			total: number;
		};
		n += body.items.filter(where).length;
		if (page * 100 >= body.total) return { n, total: body.total };
	}
}

test('GIS software opens the GeoJSON layers, one feature per located item of the JSON API', async ({
	request
}) => {
	for (const [name, where] of [
		['streets', (s: { geometry: unknown }) => s.geometry != null],
		['merchants', (m: { location: unknown }) => m.location != null],
		['metrology-units', (u: { lat: unknown }) => u.lat != null]
	] as const) {
		for (const filter of ['', '?town=sheshan']) {
			const json = await located(
				request,
				`/api/v1/${name}${filter}`,
				where as (i: never) => boolean
			);
			const count = await ogrCount(request, `/api/v1/${name}.geojson${filter}`);
			expect(count, `${name}${filter}`).toBe(json.n);
			if (name !== 'metrology-units') expect(json.total, `${name}${filter}`).toBeGreaterThan(0);
		}
	}
});

test('a calendar app reads every public event from /events.ics, in Shanghai time', async ({
	request,
	page
}) => {
	const res = await request.get('/events.ics');
	expect(res.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const text = await res.text();
	const cal = new ICAL.Component(ICAL.parse(text));
	ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
	const vevents = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
	const all = await request.get('/api/v1/events?pageSize=1');
	expect(vevents.length).toBe((await all.json()).total);

	// a known event: its start in the feed is its start in Shanghai
	const timed = (
		(await (await request.get('/api/v1/events?pageSize=100')).json()) as {
			items: { id: number; startDate: string; startTime: string | null }[];
		}
	).items.find((e) => e.startTime)!;
	const e = vevents.find((v) => v.uid.startsWith(`event-${timed.id}@`))!;
	expect(e.startDate.toJSDate().getTime()).toBe(
		new Date(`${timed.startDate}T${timed.startTime}:00+08:00`).getTime()
	);

	const town = await request.get('/events.ics?town=sheshan');
	const townCal = new ICAL.Component(ICAL.parse(await town.text()));
	const townTotal = (await (await request.get('/api/v1/events?town=sheshan&pageSize=1')).json())
		.total;
	expect(townCal.getAllSubcomponents('vevent').length).toBe(townTotal);

	// the events page offers the subscription, for all and for the chosen town
	await page.goto('/events?town=sheshan');
	await expect(page.getByRole('link', { name: '用手机日历订阅全部活动' })).toHaveAttribute(
		'href',
		/^webcal:\/\/.+\/events\.ics$/
	);
	await expect(page.getByRole('link', { name: '订阅', exact: true })).toHaveAttribute(
		'href',
		/events\.ics\?town=sheshan$/
	);
	await page.goto(`/events/${timed.id}`);
	const single = await request.get(
		(await page.getByRole('link', { name: '加入日历（.ics）' }).getAttribute('href'))!
	);
	expect(await single.text()).toContain(`UID:event-${timed.id}@`);
});
