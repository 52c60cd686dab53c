import { error } from '@sveltejs/kit';
import * as query from '$lib/server/query';
import { todayISO } from '$lib/format';

const month: query.Param<number> = (raw, name) => {
	if (!/^\d{1,2}$/.test(raw) || Number(raw) < 1 || Number(raw) > 12)
		query.bad(name, `应为 1 到 12 之间的月份，收到「${raw.slice(0, 20)}」`);
	return Number(raw);
};

/**
 * The month a bulletin reports (`year`, `month`; last month so far this year when absent), never
 * one still to come; and the day it is issued.
 */
export function bulletinPeriod(url: URL) {
	const today = todayISO();
	const thisYear = Number(today.slice(0, 4));
	const p = query.params(url, { year: query.year, month });
	const year = p.year ?? thisYear;
	const lastMonth = year === thisYear ? Number(today.slice(5, 7)) : 12;
	const m = p.month ?? lastMonth;
	if (year > thisYear || (year === thisYear && m > lastMonth))
		error(400, '还没有到这个月份，无法出具月通报');
	return { year, month: m, today, through: `${year}-${String(m).padStart(2, '0')}` };
}
