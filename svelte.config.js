import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Tile servers the map may load images from; see src/lib/map/tiles.ts. */
const tileHosts = [
	'https://*.tile.openstreetmap.org',
	'https://tile.openstreetmap.org',
	'https://*.tianditu.gov.cn',
	'https://*.is.autonavi.com'
];

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ precompress: true }),
		// Registered by the staff layout with scope /staff, not on every public page.
		serviceWorker: { register: false },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', ...tileHosts],
				'connect-src': ['self'],
				'font-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
