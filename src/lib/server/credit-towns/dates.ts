/** Calendar arithmetic on Shanghai dates (YYYY-MM-DD) for names and reviews. */

export function addMonths(iso: string, months: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	const first = new Date(Date.UTC(y, m - 1 + months, 1));
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(d, last));
	return first.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
	return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The last day a name given on `namedOn` holds, `years` later. */
export function lastValidDay(namedOn: string, years: number): string {
	return addDays(addMonths(namedOn, years * 12), -1);
}
