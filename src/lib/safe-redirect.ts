/** A path on this site to return to, or the fallback: never another origin. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
	// Browsers drop tabs and newlines and read a backslash as a slash: `/\t/evil` would leave.
	// eslint-disable-next-line no-control-regex
	if (!next || !next.startsWith('/') || /[\x00-\x1f\x7f\\]/.test(next)) return fallback;
	// Whatever a browser makes of it must stay on this site.
	const base = 'http://this.site';
	try {
		const url = new URL(next, base);
		if (url.origin !== base) return fallback;
		return url.pathname + url.search + url.hash;
	} catch {
		return fallback;
	}
}
