import { requireRole } from '$lib/server/access';
import { forUser as streetFor } from '$lib/server/streets';
import { tabular } from '$lib/server/files';
import { withCheckCharacter } from '$lib/uscc';
import type { RequestHandler } from './$types';

const HEADERS = [
	'商户名称',
	'统一社会信用代码',
	'经营地址',
	'类别',
	'联系人',
	'联系电话',
	'纬度',
	'经度'
];

export const GET: RequestHandler = async (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const street = streetFor(u, Number(event.params.id));
	const example = [
		'云间酱园',
		withCheckCharacter('92310117MA1K00001'),
		'中山中路 100 号',
		'食品',
		'张经理',
		'13900000000',
		'31.0117',
		'121.2290'
	];
	return tabular.download(
		event.url.searchParams.get('format'),
		`${street.name}商户导入模板`,
		HEADERS.map((h, i) => ({ header: h, value: (r: string[]) => r[i] })),
		[example]
	);
};
