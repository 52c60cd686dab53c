/** Query parameters of the campaign lists, read the same way by pages, exports and the open API. */
import * as towns from '../towns';
import * as campaign from './campaign';

export type ListQuery = {
	year: number;
	townId?: number;
	townSlug?: string;
	q?: string;
	status?: string;
	page: number;
};

export function parseYear(raw: string | null, now = new Date()): number | { error: string } {
	if (raw === null || raw === '') return campaign.currentYear(now);
	if (!/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100)
		return { error: `年度参数 year 应为 2000 到 2100 之间的四位数字，收到「${raw.slice(0, 20)}」` };
	return Number(raw);
}

/** Parsed parameters, or a Chinese message naming the bad one. */
export function parseListQuery(
	url: URL,
	opts: { allYears?: boolean } = {}
): ListQuery | { error: string } {
	const p = url.searchParams;
	const yearRaw = p.get('year');
	const year = opts.allYears && !yearRaw ? 0 : parseYear(yearRaw);
	if (typeof year === 'object') return year;
	const out: ListQuery = { year, page: 1 };
	const town = p.get('town');
	if (town) {
		const t = towns.bySlug(town);
		if (!t) return { error: `未知街镇 town=${town.slice(0, 40)}，请用街镇的拼音标识，如 sheshan` };
		out.townId = t.id;
		out.townSlug = t.slug;
	}
	const q = p.get('q')?.trim();
	if (q) {
		if (q.length > 60) return { error: '搜索词 q 不能超过 60 个字' };
		out.q = q;
	}
	const page = p.get('page');
	if (page) {
		if (!/^\d{1,6}$/.test(page) || Number(page) < 1)
			return { error: `页码 page 应为正整数，收到「${page.slice(0, 20)}」` };
		out.page = Number(page);
	}
	const status = p.get('status');
	if (status) out.status = status;
	return out;
}
