/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * The staff app's service worker (registered from the staff layout, scope /staff). It keeps the
 * app shell — the built scripts and styles and the files of static/ (icons, manifest, the offline
 * notice) — and answers a navigation under /staff that finds no network with the offline notice.
 * It never stores a page or a data response: whatever is signed in comes from the network only,
 * so nothing one user saw can be shown to another; public pages are not touched at all.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `shell-${version}`;
const SHELL = new Set([...build, ...files]);
const OFFLINE = '/offline.html';

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((c) => c.addAll([...SHELL]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

function isStaff(path: string) {
	return path === '/staff' || path.startsWith('/staff/');
}

sw.addEventListener('fetch', (event) => {
	const req = event.request;
	if (req.method !== 'GET') return;
	const url = new URL(req.url);
	if (url.origin !== sw.location.origin) return;

	if (req.mode === 'navigate') {
		if (!isStaff(url.pathname)) return;
		event.respondWith(
			fetch(req).catch(async () => {
				const page = await caches.match(OFFLINE, { cacheName: CACHE });
				return (
					page ??
					new Response('<!doctype html><meta charset="utf-8"><title>暂无网络</title>暂无网络连接', {
						status: 503,
						headers: { 'content-type': 'text/html; charset=utf-8' }
					})
				);
			})
		);
		return;
	}

	// Only the shell's own files, by exact path; everything else goes to the network untouched.
	if (SHELL.has(url.pathname) && !url.search) {
		event.respondWith(
			caches.match(url.pathname, { cacheName: CACHE }).then((hit) => hit ?? fetch(req))
		);
	}
});
