import { error } from '@sveltejs/kit';
import * as query from '$lib/server/query';
import { directory, openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

/** Open data: one merchant, exactly as its public page shows it. */
export const GET: RequestHandler = openData.api(({ params }) => {
	const m = directory.detail(query.id(params.id, 'id'));
	if (!m) error(404, '商户不存在');
	return openData.ok(m);
});
