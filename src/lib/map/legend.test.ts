import { describe, expect, it } from 'vitest';
import { distanceM, filterParams, formatDistance, parseFilter } from './legend';

describe('map filters in the URL', () => {
	it('reads what it writes', () => {
		const f = {
			town: 'sijing',
			street: 12,
			level: 'model' as const,
			category: 'food' as const,
			q: '面馆'
		};
		expect(parseFilter(filterParams(f))).toEqual(f);
	});

	it('drops values that are not filters', () => {
		const p = new URLSearchParams('town=../x&street=-3&level=gold&category=bank&q=%20%20');
		expect(parseFilter(p)).toEqual({});
	});

	it('measures short distances in metres', () => {
		// 0.001° of latitude is about 111 m.
		expect(distanceM([31, 121.2], [31.001, 121.2])).toBeCloseTo(111.2, 0);
		expect(formatDistance(352)).toBe('350 米');
		expect(formatDistance(2345)).toBe('2.3 公里');
	});
});
