import * as campaign from '$lib/server/campaign';
import { directory, mapData } from '$lib/server/public';
import * as events from '$lib/server/events';
import { publicPage } from '$lib/server/public-cache';
import { todayISO } from '$lib/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	publicPage(event);
	const today = todayISO();
	const brief = (e: events.EventRow) => ({
		id: e.id,
		title: e.title,
		townName: e.townName,
		themeName: e.themeName,
		startDate: e.startDate,
		endDate: e.endDate
	});
	const base = { scope: null, publicOnly: true, pageSize: 4 } as const;
	// The day is part of the key: "upcoming" and "past" move with it.
	const shown = mapData.memo(`home:${today}`, () => {
		const upcoming = events.list({ ...base, from: today, order: 'asc' }).items.map(brief);
		const recent = events.list({ ...base, endedBefore: today, order: 'ended' }).items.map(brief);
		return {
			counts: mapData.counts(),
			redList: directory.redList(8),
			streets: directory.streetSummaries(8),
			events: {
				upcoming: upcoming.slice(0, 3),
				recent: recent.slice(0, 4 - Math.min(3, upcoming.length))
			}
		};
	});
	const p = campaign.progress(campaign.currentYear());
	return {
		...shown,
		progress: {
			year: p.year,
			district: p.district,
			towns: p.towns.map((t) => ({
				slug: t.slug,
				name: t.name,
				commitments: t.commitments,
				reports: t.reports
			}))
		}
	};
};
