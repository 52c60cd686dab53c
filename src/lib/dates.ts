/** Dates typed into forms: 2023-06-01, 2023/6/1 or 2023年6月1日, as YYYY-MM-DD; null if not a date. */
export function parseDateInput(raw: string): string | null {
	const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(raw.trim());
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
		return null;
	if (y < 1950 || y > 2100) return null;
	return date.toISOString().slice(0, 10);
}
