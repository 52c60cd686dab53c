/**
 * Draws the staff app's icons (static/icons/): a white shield with a tick on the district's red,
 * as any-purpose PNGs (rounded, 192 and 512) and a maskable one (full bleed, the mark inside the
 * safe circle). Run `node scripts/make-icons.js` after changing the drawing; the PNGs are committed.
 */
import sharp from 'sharp';
import { mkdirSync, writeFileSync } from 'node:fs';

const RED = '#c8161d';

/** The mark on a 512 canvas, scaled by `k` about the centre. */
function mark(k) {
	return `<g transform="translate(256 256) scale(${k}) translate(-256 -256)">
		<path d="M256 88 L400 140 V250 C400 340 338 400 256 430 C174 400 112 340 112 250 V140 Z"
			fill="#fff"/>
		<path d="M186 258 L240 312 L334 210" fill="none" stroke="${RED}" stroke-width="34"
			stroke-linecap="round" stroke-linejoin="round"/>
	</g>`;
}

const any = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
	<rect width="512" height="512" rx="96" fill="${RED}"/>${mark(1)}</svg>`;
// Maskable: the platform crops to its own shape; keep the mark within the central 80 % circle.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
	<rect width="512" height="512" fill="${RED}"/>${mark(0.72)}</svg>`;

mkdirSync('static/icons', { recursive: true });
writeFileSync('static/icons/staff.svg', any);
for (const size of [192, 512]) {
	await sharp(Buffer.from(any)).resize(size, size).png().toFile(`static/icons/staff-${size}.png`);
	await sharp(Buffer.from(maskable))
		.resize(size, size)
		.png()
		.toFile(`static/icons/staff-maskable-${size}.png`);
}
console.log('icons written to static/icons/');
