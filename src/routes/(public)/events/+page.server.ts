import * as events from '$lib/server/events';
import * as towns from '$lib/server/towns';
import * as query from '$lib/server/query';
import { uploads } from '$lib/server/files';
import { cached } from '$lib/server/cache';
import { todayISO } from '$lib/format';
import type { Town } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const today = todayISO();
	const q = query.list(
		url,
		{ town: query.town, theme: query.id },
		{ pageSize: 12, maxPageSize: 60 }
	);
	const { town, theme: themeId } = q.filters;
	// Built once per content version and query: the page is public and read far more than written.
	const key = `events.page:${today}|${town?.slug}|${themeId}|${q.page}|${q.pageSize}`;
	return cached(key, () => build(today, town, themeId, q));
};

function build(
	today: string,
	town: Town | undefined,
	themeId: number | undefined,
	q: query.Paging
) {
	const base = { scope: null, publicOnly: true, townId: town?.id, themeId };
	const card = (e: events.EventRow) => ({
		id: e.id,
		title: e.title,
		townName: e.townName,
		themeName: e.themeName,
		formName: e.formName,
		venue: e.venue,
		startDate: e.startDate,
		startTime: e.startTime,
		endDate: e.endDate,
		participants: e.participants,
		summary: e.summary.length > 90 ? e.summary.slice(0, 90) + '…' : e.summary,
		cover: uploads.imageUrl(e.cover, true)
	});
	const upcoming = events.list({ ...base, from: today, pageSize: q.pageSize, order: 'asc' });
	// An event still running today is listed with the upcoming ones; past means it has ended.
	const past = events.list({
		...base,
		endedBefore: today,
		pageSize: q.pageSize,
		page: q.page,
		order: 'ended'
	});
	return {
		upcoming: upcoming.items.map(card),
		upcomingTotal: upcoming.total,
		past: { ...past, items: past.items.map(card) },
		towns: towns.list().map((t) => ({ slug: t.slug, name: t.name })),
		themes: events.options('theme').map((o) => ({ id: o.id, name: o.name })),
		values: { town: town?.slug ?? '', theme: themeId ? String(themeId) : '' }
	};
}
