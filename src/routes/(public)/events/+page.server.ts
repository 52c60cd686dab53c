import * as events from '$lib/server/events';
import * as towns from '$lib/server/towns';
import { uploads } from '$lib/server/files';
import { todayISO } from '$lib/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const today = todayISO();
	const town = towns.bySlug(url.searchParams.get('town') ?? '');
	const themeId = Number(url.searchParams.get('theme')) || undefined;
	const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
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
	const upcoming = events.list({ ...base, from: today, pageSize: 12, order: 'asc' });
	// An event still running today is listed with the upcoming ones; past means it has ended.
	const past = events.list({ ...base, endedBefore: today, pageSize: 12, page, order: 'ended' });
	return {
		upcoming: upcoming.items.map(card),
		upcomingTotal: upcoming.total,
		past: { ...past, items: past.items.map(card) },
		towns: towns.list().map((t) => ({ slug: t.slug, name: t.name })),
		themes: events.options('theme').map((o) => ({ id: o.id, name: o.name })),
		values: { town: town?.slug ?? '', theme: themeId ? String(themeId) : '' }
	};
};
