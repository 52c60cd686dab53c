/** A small seeded generator (mulberry32), so demo data and test data are the same on every run. */
export function rng(seed = 1) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function pick<T>(r: () => number, items: readonly T[]): T {
	return items[Math.floor(r() * items.length)];
}

export function round5(n: number) {
	return Math.round(n * 1e5) / 1e5;
}

export function addDays(iso: string, days: number): string {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}
