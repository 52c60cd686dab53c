import { redirect } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { bootstrap } from '$lib/server/bootstrap';
import * as files from '$lib/server/files';
import { supervision } from '$lib/server/streets';
import * as creditTowns from '$lib/server/credit-towns';
import * as jobs from '$lib/server/db/jobs';
import { LARGE_TEXT_COOKIE } from '$lib/server/preferences';
import { cachedResponse } from '$lib/server/cache';
import { todayISO } from '$lib/format';
import { legacyRedirect } from '$lib/legacy-urls';
import * as log from '$lib/server/ops/log';
import * as body from '$lib/server/ops/body-limit';
import {
	SESSION_COOKIE,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken,
	sweep as sweepState
} from '$lib/server/auth';

export const init: ServerInit = async () => {
	if (building) return;
	await bootstrap();
	await files.tabular.preload();
	// Once across all workers: badges past their last day become 已过期 at start and then hourly;
	// throttles and rate-limit hits too old to matter are forgotten.
	jobs.schedule('badges.expire', 3_600_000, () => supervision.expireDue());
	jobs.schedule('state.sweep', 3_600_000, () => sweepState());
	jobs.schedule('credit-towns.expire', 3_600_000, () => creditTowns.expireDue());
};

/**
 * Staff pages that moved answer 308 from their old URL, any method, query string kept. Thrown, so
 * a data request from a client built before the move gets the redirect in the form it reads.
 */
const legacyUrls: Handle = ({ event, resolve }) => {
	const to = legacyRedirect(event.url.pathname);
	if (to) redirect(308, to + event.url.search);
	return resolve(event);
};

/**
 * Every request gets an id (a proxy's `x-request-id` when it sent a sane one), sent back as a
 * header and written on every log line; a body over the path's limit is refused before it is
 * read, or cut off as it streams; a 403 — of a page, or inside a page's data — is logged as a
 * security event.
 */
export const requestContext: Handle = async ({ event, resolve }) => {
	const id = log.requestId(event.request.headers.get('x-request-id'));
	event.locals.requestId = id;
	const limit = body.limitFor(event.url.pathname);
	let response: Response;
	if (limit != null && event.request.body) {
		const length = Number(event.request.headers.get('content-length') ?? 0);
		if (length > limit) {
			log.security('body.too_large', event, { length, limit });
			response = body.tooLarge(event, limit);
		} else {
			event.request = body.capped(event.request, limit);
			response = await resolve(event);
		}
	} else response = await resolve(event);
	if (await log.isForbidden(event, response)) log.security('access.forbidden', event);
	response.headers.set('x-request-id', id);
	return response;
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(self)');
	return response;
};

/**
 * Public pages that every anonymous visitor sees alike are rendered once per content version (and
 * Shanghai day, and text size) and then served whole: a resident's page costs about what /ping
 * does. Signed-in requests, form posts and anything else always render.
 */
const PUBLIC_PAGES = [
	/^\/$/,
	/^\/map(\/list)?$/,
	/^\/redlist$/,
	/^\/events(\/\d+)?$/,
	/^\/merchants\/\d+$/,
	/^\/disclosures$/
];

/** Answers that hold nobody's data and may be kept by a shared cache while someone is signed in. */
const SHARED_WHEN_SIGNED_IN = [/^\/api\/v1\//, /^\/uploads\/img\//];

/**
 * Caching never carries a session: a response that sets a cookie, or a page rendered for a
 * signed-in user (the header shows who it is), is `private, no-store` whatever the page asked for.
 * A `public` response is one that anybody would have been given.
 */
const cachePolicy: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const personal =
		response.headers.has('set-cookie') ||
		(event.locals.user != null && !SHARED_WHEN_SIGNED_IN.some((p) => p.test(event.url.pathname)));
	if (personal) response.headers.set('cache-control', 'private, no-store');
	return response;
};

const publicPages: Handle = ({ event, resolve }) => {
	const { method, headers } = event.request;
	// The URL as asked: SvelteKit gives a page's data request (`/map/__data.json?…`) the page's own
	// `event.url`, and the two must never share an entry.
	const asked = new URL(event.request.url);
	if (
		method !== 'GET' ||
		event.isDataRequest ||
		event.cookies.get(SESSION_COOKIE) ||
		headers.has('x-sveltekit-action') ||
		!PUBLIC_PAGES.some((p) => p.test(asked.pathname))
	)
		return resolve(event);
	const large = event.cookies.get(LARGE_TEXT_COOKIE) === '1' ? 'L' : 'N';
	const key = `page:${todayISO()}:${large}:${asked.pathname}${asked.search}`;
	return cachedResponse(key, () => resolve(event));
};

const auth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const { session, user, extended } = validateSessionToken(token);
	// sent again only when the expiry moved, so most signed-in answers set no cookie
	if (session && extended) setSessionCookie(event, token, session.expiresAt);
	else if (!session) deleteSessionCookie(event);
	event.locals.user = user;
	event.locals.session = session;
	return resolve(event);
};

const preferences: Handle = ({ event, resolve }) => {
	if (event.cookies.get(LARGE_TEXT_COOKIE) !== '1') return resolve(event);
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('<html lang="zh-CN">', '<html lang="zh-CN" class="large-text">')
	});
};

/**
 * A merchant account has its own home: the staff area sends it there (pages) or refuses it
 * (anything else), before any staff load or action runs.
 */
const roleAreas: Handle = ({ event, resolve }) => {
	const u = event.locals.user;
	const path = event.url.pathname;
	if (u?.role === 'merchant' && (path === '/staff' || path.startsWith('/staff/'))) {
		if (event.request.method === 'GET' && !event.isDataRequest) redirect(303, '/merchant');
		return new Response('商户账号不能使用工作人员功能', { status: 403 });
	}
	return resolve(event);
};

export const handle = sequence(
	requestContext,
	legacyUrls,
	securityHeaders,
	cachePolicy,
	publicPages,
	preferences,
	auth,
	roleAreas
);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: '页面不存在' };
	const id = event.locals.requestId ?? log.requestId(null);
	log.requestError(event, status, error, id);
	return { message: '服务器出错了', id };
};
