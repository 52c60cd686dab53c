import * as campaign from '$lib/server/campaign';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

/** Published commitments as a file; built once per filter and content version. */
export const GET: RequestHandler = ({ url }) => {
	const { q, filters: f } = query.list(url, exports.disclosures.filters);
	const filter = { townIds: null, status: 'published', year: f.year, townId: f.town?.id, q };
	return exports.sendCached(
		url,
		`disclosures:${JSON.stringify([f.year, f.town?.id, q])}`,
		exports.disclosures.name,
		exports.disclosures.columns,
		() => campaign.allCommitments(filter)
	);
};
