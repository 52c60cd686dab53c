import * as merchants from '$lib/server/merchants';
import * as towns from '$lib/server/towns';
import { apiError, ok, positiveInt } from '$lib/server/open-data';
import type { RequestHandler } from './$types';

const LEVELS = ['model', 'honest', 'none'] as const;

export const GET: RequestHandler = ({ url }) => {
	const town = url.searchParams.get('town');
	const t = town ? towns.bySlug(town) : undefined;
	if (town && !t) return apiError(400, `未知的街镇：${town}`);
	const levelRaw = url.searchParams.get('level');
	const level = LEVELS.find((l) => l === levelRaw);
	if (levelRaw && !level) return apiError(400, `参数 level 应为 ${LEVELS.join('、')} 之一`);
	const street = positiveInt(url, 'street');
	const page = positiveInt(url, 'page');
	const size = positiveInt(url, 'pageSize', 200);
	const bad = street.error ?? page.error ?? size.error;
	if (bad) return apiError(400, bad);
	return ok(
		merchants.publicList({
			townId: t?.id,
			streetId: street.value,
			level,
			page: page.value,
			pageSize: size.value
		})
	);
};
