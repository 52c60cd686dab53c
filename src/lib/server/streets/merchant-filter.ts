import type { MerchantFilter } from './merchants';
import * as towns from '../towns';

const LEVELS = ['model', 'honest', 'none'] as const;

/** Merchant list filters from a query string; unknown values are ignored. */
export function merchantFilter(url: URL): MerchantFilter {
	const p = url.searchParams;
	const num = (k: string) => {
		const n = Number(p.get(k));
		return Number.isInteger(n) && n > 0 ? n : undefined;
	};
	const town = p.get('town');
	const level = p.get('level');
	return {
		townId: town ? (towns.bySlug(town)?.id ?? num('town')) : undefined,
		streetId: num('street'),
		level: LEVELS.find((l) => l === level),
		q: p.get('q')?.trim() || undefined,
		page: num('page') ?? 1
	};
}
