import { describe, expect, it } from 'vitest';
import { fromDisplay, gcj02ToWgs84, geometryToDisplay, toDisplay, wgs84ToGcj02 } from './coords';

// Reference points published with eviltransform (wgsLat, wgsLng, gcjLat, gcjLng).
const REFERENCE = [
	[31.1774276, 121.5272106, 31.17530398364597, 121.531541859215], // 上海
	[22.543847, 113.912316, 22.540796131694766, 113.9171764808363], // 深圳
	[39.911954, 116.377817, 39.91334545536069, 116.38404722455657] // 北京
];

describe('GCJ-02', () => {
	it('matches the published reference points', () => {
		for (const [wl, wg, gl, gg] of REFERENCE) {
			const [lat, lng] = wgs84ToGcj02([wl, wg]);
			expect(lat).toBeCloseTo(gl, 8);
			expect(lng).toBeCloseTo(gg, 8);
		}
	});

	it('converts back to within a metre', () => {
		for (const [wl, wg, gl, gg] of REFERENCE) {
			const [lat, lng] = gcj02ToWgs84([gl, gg]);
			expect(Math.abs(lat - wl)).toBeLessThan(1e-5);
			expect(Math.abs(lng - wg)).toBeLessThan(1e-5);
		}
	});

	it('shifts Songjiang by a few hundred metres, and only on GCJ-02 maps', () => {
		const p: [number, number] = [31.032, 121.227];
		const shown = toDisplay(p, 'gcj02');
		expect(shown[1] - p[1]).toBeGreaterThan(0.003);
		expect(toDisplay(p, 'wgs84')).toEqual(p);
		const back = fromDisplay(shown, 'gcj02');
		expect(back[0]).toBeCloseTo(p[0], 5);
		expect(back[1]).toBeCloseTo(p[1], 5);
	});

	it('shifts every position of a geometry', () => {
		const line: GeoJSON.LineString = {
			type: 'LineString',
			coordinates: [
				[121.5272106, 31.1774276],
				[121.5272106, 31.1774276]
			]
		};
		const shown = geometryToDisplay(line, 'gcj02');
		expect(shown.coordinates[1][0]).toBeCloseTo(121.531541859215, 8);
		expect(shown.coordinates[1][1]).toBeCloseTo(31.17530398364597, 8);
	});
});
