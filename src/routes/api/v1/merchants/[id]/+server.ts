import { merchants } from '$lib/server/streets';
import { openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => {
	if (!/^[1-9]\d{0,9}$/.test(params.id)) return openData.apiError(400, '商户编号应为正整数');
	const m = merchants.publicDetail(Number(params.id));
	if (!m) return openData.apiError(404, '商户不存在');
	return openData.ok(m);
};
