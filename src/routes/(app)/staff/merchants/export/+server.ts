import { requireUser, townScope } from '$lib/server/access';
import { merchants, merchantFilter } from '$lib/server/streets';
import { tabular } from '$lib/server/files';
import { CATEGORY_LABEL, TRADING_STATUS_LABEL } from '$lib/streets';
import { BADGE_STATE_LABEL, LEVEL_LABEL } from '$lib/streets';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const u = requireUser(event);
	const f = { ...merchantFilter(event.url), page: 1, pageSize: 100_000 };
	const rows = merchants.list(townScope(u), f).items;
	type Row = (typeof rows)[number];
	return tabular.download<Row>(
		event.url.searchParams.get('format'),
		'示范街商户',
		[
			{ header: '商户名称', value: (r) => r.name, width: 28 },
			{ header: '统一社会信用代码', value: (r) => r.uscc, width: 22 },
			{ header: '街镇', value: (r) => r.townName },
			{ header: '示范街', value: (r) => r.streetName, width: 22 },
			{ header: '类别', value: (r) => CATEGORY_LABEL[r.category] },
			{ header: '经营状态', value: (r) => TRADING_STATUS_LABEL[r.tradingStatus] },
			{ header: '等级', value: (r) => LEVEL_LABEL[r.level], width: 18 },
			{ header: '牌匾状态', value: (r) => (r.badgeState ? BADGE_STATE_LABEL[r.badgeState] : '') },
			{ header: '牌匾有效期至', value: (r) => r.validUntil ?? '' },
			{ header: '动态分', value: (r) => r.score ?? '' },
			{ header: '最近检查日期', value: (r) => r.lastInspectedOn ?? '' }
		],
		rows
	);
};
