/**
 * Cache headers for public pages. A page a signed-in officer sees carries their name, so it is
 * never stored by a shared cache; a resident's copy may be, briefly. The large-text cookie changes
 * the HTML too, hence `vary: cookie`.
 */
type Event = { locals: App.Locals; setHeaders: (headers: Record<string, string>) => void };

export function publicPage(event: Event, maxAge = 60) {
	event.setHeaders({
		'cache-control': event.locals.user
			? 'private, no-store'
			: `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 5}`,
		vary: 'cookie'
	});
}
