import * as events from '$lib/server/events';
import { openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/** The calendar feed of public events: `?town=<slug>&theme=<主题>` (subscribe with webcal://). */
export const GET: RequestHandler = ({ url, request }) => {
	const f = events.calendar.filters(url);
	return openData.versioned(
		request,
		`events.ics:${url.host}:${f.town?.slug ?? ''}:${f.theme ?? ''}`,
		{
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="events.ics"'
		},
		() => events.calendar.feed(url, f)
	);
};
