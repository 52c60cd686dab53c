import { requireUser, townScope } from '$lib/server/access';
import * as streets from '$lib/server/streets';
import { tabular } from '$lib/server/files';
import { STREET_STATUS_LABEL } from '$lib/streets';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const u = requireUser(event);
	const rows = streets.list(townScope(u));
	type Row = (typeof rows)[number];
	return tabular.download<Row>(
		event.url.searchParams.get('format'),
		'诚信示范街',
		[
			{ header: '示范街', value: (r) => r.name, width: 28 },
			{ header: '街镇', value: (r) => r.townName },
			{ header: '状态', value: (r) => STREET_STATUS_LABEL[r.status] },
			{ header: '自律委员会联系人', value: (r) => r.committeeContact, width: 28 },
			{ header: '商户数', value: (r) => r.merchants },
			{ header: '模范商户', value: (r) => r.model },
			{ header: '诚信商户', value: (r) => r.honest },
			{ header: '计量器具超期', value: (r) => r.overdueInstruments }
		],
		rows
	);
};
