import { redirect } from '@sveltejs/kit';
import { LARGE_TEXT_COOKIE } from '$lib/server/preferences';
import { safeNext } from '$lib/safe-redirect';
import type { RequestHandler } from './$types';

/** Toggles the large-text mode (适老化); a cookie keeps it, so it works without JavaScript. */
export const GET: RequestHandler = ({ cookies, url }) => {
	const on = cookies.get(LARGE_TEXT_COOKIE) === '1';
	cookies.set(LARGE_TEXT_COOKIE, on ? '0' : '1', {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 365
	});
	redirect(303, safeNext(url.searchParams.get('next')));
};
