/**
 * @deprecated The campaign's old list parameters, now read by `$lib/server/query`; kept only for
 * the export and import routes until they call `query.list` / `query.params` themselves.
 */
import { isHttpError } from '@sveltejs/kit';
import * as query from '../query';
import { currentYear } from './campaign';

export type ListQuery = {
	year: number;
	townId?: number;
	townSlug?: string;
	q?: string;
	status?: string;
	page: number;
};

/** `year`, the current one when blank, or the message of `query.year`. */
export function parseYear(raw: string | null, now = new Date()): number | { error: string } {
	if (raw === null || raw.trim() === '') return currentYear(now);
	try {
		return query.year(raw.trim(), 'year');
	} catch (e) {
		if (isHttpError(e)) return { error: e.body.message };
		throw e;
	}
}

/** The list parameters by `query.list`: a bad one is a 400 thrown from here. */
export function parseListQuery(
	url: URL,
	opts: { allYears?: boolean } = {}
): ListQuery | { error: string } {
	const q = query.list(url, { year: query.year, town: query.town, status: query.text(20) });
	const { year, town, status } = q.filters;
	return {
		year: year ?? (opts.allYears ? 0 : currentYear()),
		townId: town?.id,
		townSlug: town?.slug,
		q: q.q,
		status: status || undefined,
		page: q.page
	};
}
