import { beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import * as events from '$lib/server/events';
import * as towns from '$lib/server/towns';
import { makeEvent } from '$lib/server/testing/factories';
import { SYSTEM } from '$lib/server/actor';
import { GET as feed } from './+server';
import { GET as single } from '../events/[id=id].ics/+server';

type Handler = (e: {
	url: URL;
	request: Request;
	params: Record<string, string>;
}) => Response | Promise<Response>;

async function get(handler: unknown, path: string, params: Record<string, string> = {}) {
	const url = new URL(`https://chengxin.example.org${path}`);
	try {
		return await (handler as Handler)({ url, request: new Request(url), params });
	} catch (e) {
		return e as { status: number };
	}
}

function vevents(text: string) {
	const cal = new ICAL.Component(ICAL.parse(text));
	ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
	return cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

let known: { id: number };
let hidden: { id: number };

beforeAll(() => {
	known = makeEvent(SYSTEM, {
		town: 'sheshan',
		title: '佘山镇诚信进社区, 宣讲会',
		venue: '佘山镇社区文化活动中心',
		startDate: '2026-12-08',
		startTime: '09:30',
		endTime: '11:30',
		theme: '诚信进社区'
	});
	makeEvent(SYSTEM, { town: 'sheshan', startDate: '2026-11-20', theme: '诚信进校园' });
	makeEvent(SYSTEM, { town: 'yueyang', startDate: '2026-12-10', startTime: '14:00' });
	makeEvent(SYSTEM, { town: null, department: '区教育局', startDate: '2026-10-10' });
	hidden = makeEvent(SYSTEM, { town: 'sheshan', title: '内部筹备会', isPublic: false });
});

describe('GET /events.ics', () => {
	it('holds every public event, with its Asia/Shanghai time, and no other', async () => {
		const res = (await get(feed, '/events.ics')) as Response;
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const text = await res.text();
		expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
		const list = vevents(text);
		const publicTotal = events.publicList({ pageSize: 1 }).total;
		expect(list).toHaveLength(publicTotal);
		expect(list.map((e) => e.summary)).not.toContain('内部筹备会');
		expect(text).not.toContain(`event-${hidden.id}@`);
		const e = list.find((x) => x.uid === `event-${known.id}@chengxin.example.org`)!;
		expect(e.summary).toBe('佘山镇诚信进社区, 宣讲会');
		expect(e.location).toBe('佘山镇社区文化活动中心');
		// 09:30 in Shanghai is 01:30 UTC
		expect(e.startDate.toJSDate().toISOString()).toBe('2026-12-08T01:30:00.000Z');
		expect(e.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Shanghai');
		expect(e.endDate.toJSDate().toISOString()).toBe('2026-12-08T03:30:00.000Z');
		expect(e.component.getFirstPropertyValue('url')).toBe(
			`https://chengxin.example.org/events/${known.id}`
		);
	});

	it("per town holds only that town's events, per theme only that theme's", async () => {
		const sheshan = towns.bySlug('sheshan')!;
		const text = await ((await get(feed, '/events.ics?town=sheshan')) as Response).text();
		const list = vevents(text);
		const want = events.publicList({ townId: sheshan.id, pageSize: 1 }).total;
		expect(want).toBeGreaterThan(0);
		expect(list).toHaveLength(want);
		expect(list.every((e) => e.description.includes('主办：佘山镇'))).toBe(true);
		const themed = vevents(
			await (
				(await get(feed, `/events.ics?theme=${encodeURIComponent('诚信进校园')}`)) as Response
			).text()
		);
		expect(themed.length).toBeGreaterThan(0);
		expect(
			themed.every((e) => e.component.getFirstPropertyValue('categories') === '诚信进校园')
		).toBe(true);
	});

	it('answers a bad filter with a 400 naming it, and its own ETag with a 304', async () => {
		expect(((await get(feed, '/events.ics?town=atlantis')) as { status: number }).status).toBe(400);
		const first = (await get(feed, '/events.ics')) as Response;
		const etag = first.headers.get('etag')!;
		const url = new URL('https://chengxin.example.org/events.ics');
		const again = await (feed as unknown as Handler)({
			url,
			request: new Request(url, { headers: { 'if-none-match': etag } }),
			params: {}
		});
		expect(again.status).toBe(304);
	});
});

describe('GET /events/{id}.ics', () => {
	it('is one public event; a non-public one is not found', async () => {
		const res = (await get(single, `/events/${known.id}.ics`, {
			id: String(known.id)
		})) as Response;
		expect(res.headers.get('content-disposition')).toContain(`event-${known.id}.ics`);
		const list = vevents(await res.text());
		expect(list.map((e) => e.uid)).toEqual([`event-${known.id}@chengxin.example.org`]);
		const none = await get(single, `/events/${hidden.id}.ics`, { id: String(hidden.id) });
		expect((none as { status: number }).status).toBe(404);
	});
});
