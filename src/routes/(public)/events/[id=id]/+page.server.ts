import { error } from '@sveltejs/kit';
import * as events from '$lib/server/events';
import { mapConfig } from '$lib/server/public';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const e = events.publicGet(Number(params.id));
	if (!e) error(404, '活动不存在或未公开');
	const { photos, lat, lng, ...rest } = e;
	const reach = events.extras.of(e.id);
	return {
		reach: { ...reach, stories: reach.stories.filter((s) => s.state === 'published') },
		event: {
			...rest,
			photos: photos.map((p) => ({ url: p.url, small: p.small })),
			location: lat != null && lng != null ? { lat, lng } : null
		},
		tiles: mapConfig.tileConfig()
	};
};
