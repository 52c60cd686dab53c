import * as campaign from '$lib/server/campaign';
import { COMMITMENT_STATUSES, COMMITMENT_STATUS_LABEL } from '$lib/campaign';
import { listParams } from '../lists';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { filter, view } = listParams(event, COMMITMENT_STATUSES, COMMITMENT_STATUS_LABEL);
	return { ...view, list: campaign.listCommitments(filter) };
};
