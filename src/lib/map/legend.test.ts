import { describe, expect, it } from 'vitest';
import { distanceM, formatDistance } from './legend';

describe('map legend', () => {
	it('measures short distances in metres', () => {
		// 0.001° of latitude is about 111 m.
		expect(distanceM([31, 121.2], [31.001, 121.2])).toBeCloseTo(111.2, 0);
		expect(formatDistance(352)).toBe('350 米');
		expect(formatDistance(2345)).toBe('2.3 公里');
	});
});
