/**
 * The home page's figures and lists, built once per content version and day ("upcoming" and
 * "past" move with the day).
 */
import * as campaign from '../campaign';
import * as events from '../events';
import * as stories from '../stories';
import { cached } from '../cache';
import { todayISO } from '../../format';
import * as directory from './directory';
import * as mapData from './map-data';

function brief(e: events.EventRow) {
	return {
		id: e.id,
		title: e.title,
		townName: e.townName,
		themeName: e.themeName,
		startDate: e.startDate,
		endDate: e.endDate
	};
}

/** How many merchants of the red list the home page shows. */
const RED_LIST_SIZE = 8;

export function home(today = todayISO()) {
	return cached(`home:${today}`, () => {
		const base = { scope: null, publicOnly: true, pageSize: 4 } as const;
		const upcoming = events.list({ ...base, from: today, order: 'asc' }).items.map(brief);
		const recent = events.list({ ...base, endedBefore: today, order: 'ended' }).items.map(brief);
		const p = campaign.progress(campaign.currentYear());
		return {
			counts: mapData.counts(),
			redList: directory.redList({ pageSize: RED_LIST_SIZE }, 'score').items,
			streets: directory.streetSummaries(8),
			stories: stories.latest(3),
			events: {
				upcoming: upcoming.slice(0, 3),
				recent: recent.slice(0, 4 - Math.min(3, upcoming.length))
			},
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
	});
}
