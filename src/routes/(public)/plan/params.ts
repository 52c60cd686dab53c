import { error } from '@sveltejs/kit';

/** A plan year in a public URL, or a 404. */
export function yearParam(raw: string): number {
	if (!/^\d{4}$/.test(raw)) error(404, '没有这一年的工作计划');
	return Number(raw);
}
