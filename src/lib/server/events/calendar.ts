/**
 * Public events as iCalendar: the feed residents subscribe to (`/events.ics`, by town and theme)
 * and one event's file. Only public events, by the same filters as the open data.
 */
import * as query from '../query';
import * as events from './events';
import { themeNamed } from './forms';
import * as ical from './ical';

/** The feed's filters: `?town=<slug>&theme=<主题>`, as `/api/v1/events` reads them. */
export const FILTERS = { town: query.town, theme: themeNamed };

const PRODID = '-//诚信松江//宣传教育活动//ZH';

function entry(e: events.EventRow, origin: URL): ical.CalendarEvent {
	const url = new URL(`/events/${e.id}`, origin).href;
	const organiser = e.departmentName ?? e.townName;
	return {
		uid: `event-${e.id}@${origin.hostname}`,
		stamp: e.updatedAt,
		start: { date: e.startDate, time: e.startTime },
		end: { date: e.endDate, time: e.endTime },
		summary: e.title,
		location: e.venue || e.townName,
		geo: e.lat != null && e.lng != null ? { lat: e.lat, lng: e.lng } : null,
		description: [
			e.summary,
			`主办：${organiser}${e.organisers ? `（${e.organisers}）` : ''}`,
			`主题：${e.themeName} · 形式：${e.formName}`,
			`详情：${url}`
		]
			.filter(Boolean)
			.join('\n'),
		categories: [e.themeName],
		url
	};
}

/** The filters of a feed's URL; a bad one is a 400 naming it. */
export function filters(url: URL) {
	return query.params(url, FILTERS);
}

/** Every public event the filters select, oldest first, as one calendar. */
export function feed(url: URL, f: ReturnType<typeof filters>): string {
	const rows = events.all({ scope: null, publicOnly: true, townId: f.town?.id, themeId: f.theme });
	const theme = f.theme ? events.options('theme').find((o) => o.id === f.theme)?.name : undefined;
	const name = ['诚信松江宣传教育活动', f.town?.name, theme].filter(Boolean).join(' · ');
	return ical.write({
		prodId: PRODID,
		name,
		description: '松江区诚信宣传教育活动（公开活动），时间为北京时间。',
		events: rows.map((e) => entry(e, url))
	});
}

/** One public event as a calendar file; undefined when it is missing or not public. */
export function single(id: number, url: URL): string | undefined {
	const e = events.publicGet(id);
	if (!e) return undefined;
	return ical.write({ prodId: PRODID, name: e.title, events: [entry(e, url)] });
}
