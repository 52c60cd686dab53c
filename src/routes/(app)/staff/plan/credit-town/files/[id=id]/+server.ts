import { error } from '@sveltejs/kit';
import { loadFor, requireUser } from '$lib/server/access';
import * as creditTowns from '$lib/server/credit-towns';
import { uploads } from '$lib/server/files';
import type { RequestHandler } from './$types';

/** An evidence file of a credit-town application: for the district and the town's officers only. */
export const GET: RequestHandler = async (event) => {
	const u = requireUser(event);
	const f = loadFor(
		u,
		'view',
		'credit_town',
		creditTowns.file(Number(event.params.id)),
		(x) => x.townId,
		'材料不存在'
	);
	return (await uploads.attachmentResponse(f.key, f.name)) ?? error(404, '材料不存在');
};
