import { merchants } from '$lib/server/streets';
import * as towns from '$lib/server/towns';
import { openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

const LEVELS = ['model', 'honest', 'none'] as const;

export const GET: RequestHandler = ({ url }) => {
	const town = url.searchParams.get('town');
	const t = town ? towns.bySlug(town) : undefined;
	if (town && !t) return openData.apiError(400, `未知的街镇：${town}`);
	const levelRaw = url.searchParams.get('level');
	const level = LEVELS.find((l) => l === levelRaw);
	if (levelRaw && !level)
		return openData.apiError(400, `参数 level 应为 ${LEVELS.join('、')} 之一`);
	const street = openData.positiveInt(url, 'street');
	const page = openData.positiveInt(url, 'page');
	const size = openData.positiveInt(url, 'pageSize', 200);
	const bad = street.error ?? page.error ?? size.error;
	if (bad) return openData.apiError(400, bad);
	return openData.ok(
		merchants.publicList({
			townId: t?.id,
			streetId: street.value,
			level,
			page: page.value,
			pageSize: size.value
		})
	);
};
