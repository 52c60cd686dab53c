import * as campaign from '$lib/server/campaign';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

/**
 * Published commitments as a file. Per year and town it is built once per content version and
 * served from disk; a search is written as it is sent. Either way each client runs only a few
 * exports at once.
 */
export const GET: RequestHandler = (event) => {
	const { q, filters: f } = query.list(event.url, exports.disclosures.filters);
	const filter = { townIds: null, status: 'published', year: f.year, townId: f.town?.id, q };
	const rows = () => campaign.commitmentsInSteps(filter);
	const x = exports.disclosures;
	if (q) return exports.send(event, x.name, x.columns, rows);
	return exports.sendCached(event, `disclosures:${f.year}:${f.town?.id}`, x.name, x.columns, rows);
};
