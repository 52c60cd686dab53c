import { error } from '@sveltejs/kit';
import * as events from '$lib/server/events';
import { mapConfig } from '$lib/server/public';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const e = events.publicGet(Number(params.id));
	if (!e) error(404, '活动不存在或未公开');
	return {
		event: {
			id: e.id,
			title: e.title,
			townName: e.townName,
			townSlug: e.townSlug,
			themeName: e.themeName,
			formName: e.formName,
			venue: e.venue,
			startDate: e.startDate,
			startTime: e.startTime,
			endDate: e.endDate,
			endTime: e.endTime,
			organisers: e.organisers,
			participants: e.participants,
			materials: e.materials,
			summary: e.summary,
			photos: e.photos.map((p) => ({ url: p.url, small: p.small })),
			location: e.lat != null && e.lng != null ? { lat: e.lat, lng: e.lng } : null
		},
		tiles: mapConfig.tileConfig()
	};
};
