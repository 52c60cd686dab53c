import * as merchants from '$lib/server/merchants';
import { apiError, ok } from '$lib/server/open-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => {
	if (!/^[1-9]\d{0,9}$/.test(params.id)) return apiError(400, '商户编号应为正整数');
	const m = merchants.publicDetail(Number(params.id));
	if (!m) return apiError(404, '商户不存在');
	return ok(m);
};
