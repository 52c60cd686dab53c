import * as streets from '$lib/server/streets';
import * as towns from '$lib/server/towns';
import { openData } from '$lib/server/public';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const town = url.searchParams.get('town');
	const t = town ? towns.bySlug(town) : undefined;
	if (town && !t) return openData.apiError(400, `未知的街镇：${town}`);
	const page = openData.positiveInt(url, 'page');
	const size = openData.positiveInt(url, 'pageSize', 200);
	if (page.error || size.error) return openData.apiError(400, (page.error ?? size.error)!);
	const all = streets.publicList({ townId: t?.id });
	const pageSize = size.value ?? 50;
	const p = page.value ?? 1;
	return openData.ok({
		items: all.slice((p - 1) * pageSize, p * pageSize).map((s) => ({
			id: s.id,
			name: s.name,
			status: s.status,
			town: { slug: s.townSlug, name: s.townName },
			geometry: s.geometry,
			convention: s.convention,
			committee: { contact: s.committeeContact },
			merchants: s.merchants
		})),
		page: p,
		pageSize,
		total: all.length
	});
};
