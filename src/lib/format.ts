/** Dates and numbers as shown to users: Chinese, in Asia/Shanghai. */
const TZ = 'Asia/Shanghai';

const dateFmt = new Intl.DateTimeFormat('zh-CN', {
	timeZone: TZ,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});
const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', {
	timeZone: TZ,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hour12: false
});

function toDate(d: Date | number | string): Date {
	return d instanceof Date ? d : new Date(d);
}

/** 2026-11-27 */
export function formatDate(d: Date | number | string | null | undefined): string {
	if (d == null || d === '') return '—';
	if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
	return dateFmt.format(toDate(d)).replaceAll('/', '-');
}

/** 2026-11-27 14:05 */
export function formatDateTime(d: Date | number | string | null | undefined): string {
	if (d == null || d === '') return '—';
	return dateTimeFmt.format(toDate(d)).replaceAll('/', '-');
}

/** Today's date in Shanghai as YYYY-MM-DD. */
export function todayISO(now: Date = new Date()): string {
	return formatDate(now);
}

export function formatNumber(n: number): string {
	return n.toLocaleString('zh-CN');
}

export function formatPercent(value: number, total: number): string {
	if (total <= 0) return '—';
	return `${((value / total) * 100).toFixed(1)}%`;
}
