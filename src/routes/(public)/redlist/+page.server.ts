import * as supervision from '$lib/server/supervision';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return { red: supervision.redList(), revoked: supervision.revokedNotices() };
};
