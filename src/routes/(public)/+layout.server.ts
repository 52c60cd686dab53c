import { LARGE_TEXT_COOKIE } from '$lib/server/preferences';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ cookies }) => ({
	largeText: cookies.get(LARGE_TEXT_COOKIE) === '1'
});
