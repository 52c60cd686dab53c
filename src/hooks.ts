import type { Reroute } from '@sveltejs/kit';

/**
 * A badge's QR holds `ORIGIN/B/CODE`: an uppercase path keeps the whole path in QR alphanumeric
 * mode, which makes the symbol smaller. The page itself lives at `/b/CODE`.
 */
export const reroute: Reroute = ({ url }) => {
	if (url.pathname.startsWith('/B/')) return `/b/${url.pathname.slice(3)}`;
};
