import { json } from '@sveltejs/kit';
import * as events from '$lib/server/events';
import * as towns from '$lib/server/towns';
import { tabular } from '$lib/server/files';
import type { RequestHandler } from './$types';

const CACHE = 'public, max-age=300, stale-while-revalidate=600';

function bad(message: string) {
	return json({ error: message }, { status: 400, headers: { 'cache-control': 'no-store' } });
}

/** Public events, newest first: `?town=<slug>&theme=<主题>&from=YYYY-MM-DD&to=YYYY-MM-DD&page=`. */
export const GET: RequestHandler = ({ url }) => {
	const p = url.searchParams;
	let townId: number | undefined;
	const slug = p.get('town');
	if (slug) {
		const t = towns.bySlug(slug);
		if (!t) return bad(`未知的街镇标识 ${slug}，可用的标识见 /api/v1/towns`);
		townId = t.id;
	}
	let themeId: number | undefined;
	const themeName = p.get('theme');
	if (themeName) {
		const th = events.themeByName(themeName);
		if (!th)
			return bad(
				`未知的活动主题「${themeName}」，可用：${events
					.options('theme')
					.map((o) => o.name)
					.join('、')}`
			);
		themeId = th.id;
	}
	const dates: Record<'from' | 'to', string | undefined> = { from: undefined, to: undefined };
	for (const k of ['from', 'to'] as const) {
		const raw = p.get(k);
		if (!raw) continue;
		const d = tabular.parseDate(raw);
		if (!d) return bad(`参数 ${k} 应为日期，如 2023-06-01`);
		dates[k] = d;
	}
	if (dates.from && dates.to && dates.to < dates.from) return bad('参数 to 不能早于 from');
	const pageRaw = p.get('page') ?? '1';
	const page = Number(pageRaw);
	if (!/^\d+$/.test(pageRaw) || page < 1 || page > 100_000)
		return bad('参数 page 应为不小于 1 的整数');
	const sizeRaw = p.get('pageSize') ?? '50';
	const pageSize = Number(sizeRaw);
	if (!/^\d+$/.test(sizeRaw) || pageSize < 1 || pageSize > 100)
		return bad('参数 pageSize 应为 1 到 100 之间的整数');

	return json(events.publicList({ townId, themeId, ...dates, page, pageSize }), {
		headers: { 'cache-control': CACHE }
	});
};
