import { error } from '@sveltejs/kit';
import * as campaign from '$lib/server/campaign';
import { parseListQuery, commitmentExportColumns } from '$lib/server/campaign';
import { tabular } from '$lib/server/files';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const q = parseListQuery(url, { allYears: true });
	if ('error' in q) error(400, q.error);
	const rows = campaign.allCommitments({
		townIds: null,
		status: 'published',
		year: q.year || undefined,
		townId: q.townId,
		q: q.q
	});
	return tabular.download(
		url.searchParams.get('format'),
		'信用承诺公示',
		commitmentExportColumns(false),
		rows
	);
};
