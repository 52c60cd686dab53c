import { tabular } from '$lib/server/files';
import { todayISO } from '$lib/format';

/** The chosen period, this calendar year by default. */
export function readPeriod(url: URL) {
	const year = todayISO().slice(0, 4);
	let from = tabular.parseDate(url.searchParams.get('from')) ?? `${year}-01-01`;
	let to = tabular.parseDate(url.searchParams.get('to')) ?? `${year}-12-31`;
	if (to < from) [from, to] = [to, from];
	return { from, to };
}
