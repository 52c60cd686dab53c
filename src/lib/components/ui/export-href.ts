/**
 * The link to a list's export in `format`, carrying the list page's filters (`url`'s query)
 * without its page number, and `extra` filters the page holds in its path (a street's id): the
 * file holds every row the filters keep.
 */
export function exportHref(
	url: URL,
	href: string,
	format: 'csv' | 'xlsx',
	extra: Record<string, string> = {}
): string {
	const p = new URLSearchParams(url.search);
	p.delete('page');
	for (const [k, v] of Object.entries(extra)) p.set(k, v);
	p.set('format', format);
	return `${href}?${p}`;
}
