import { error } from '@sveltejs/kit';
import * as events from '$lib/server/events';
import type { RequestHandler } from './$types';

/** One public event as a calendar file, to add to a phone's calendar. */
export const GET: RequestHandler = ({ params, url }) => {
	const body = events.calendar.single(Number(params.id), url);
	if (!body) error(404, '活动不存在或未公开');
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="event-${params.id}.ics"`,
			'cache-control': 'public, max-age=300'
		}
	});
};
