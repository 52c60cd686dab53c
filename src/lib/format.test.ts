import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, todayISO } from './format';

describe('format', () => {
	it('shows dates in Asia/Shanghai', () => {
		// 2026-11-27 17:30 UTC is already 28 November in Shanghai.
		const d = new Date('2026-11-27T17:30:00Z');
		expect(formatDate(d)).toBe('2026-11-28');
		expect(formatDateTime(d)).toBe('2026-11-28 01:30');
		expect(todayISO(d)).toBe('2026-11-28');
	});

	it('passes plain dates through and shows a dash for nothing', () => {
		expect(formatDate('2023-06-01')).toBe('2023-06-01');
		expect(formatDate(null)).toBe('—');
	});
});
