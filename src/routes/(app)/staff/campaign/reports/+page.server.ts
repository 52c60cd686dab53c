import * as campaign from '$lib/server/campaign';
import { REPORT_STATUSES, REPORT_STATUS_LABEL } from '$lib/campaign';
import { listParams } from '../lists';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { filter, view } = listParams(event, REPORT_STATUSES, REPORT_STATUS_LABEL);
	return { ...view, list: campaign.listReports(filter) };
};
