import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { readImage, smallKey, storeImage, storePdf, UploadError } from './uploads';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'chengxin-uploads-'));

describe('uploads', () => {
	it('re-encodes images to JPEG in two sizes, dropping metadata', async () => {
		const png = await sharp({
			create: { width: 3000, height: 2000, channels: 3, background: '#c8161d' }
		})
			.png()
			.withMetadata({ exif: { IFD0: { Copyright: 'secret-gps' } } })
			.toBuffer();
		const key = await storeImage(new File([new Uint8Array(png)], 'shop.png'));
		const large = await readImage(key);
		const small = await readImage(smallKey(key));
		const lm = await sharp(large!).metadata();
		const sm = await sharp(small!).metadata();
		expect(lm.format).toBe('jpeg');
		expect(lm.width).toBe(1600);
		expect(sm.width).toBe(480);
		expect(large!.includes(Buffer.from('secret-gps'))).toBe(false);
	});

	it('refuses files that are not images, and oversize ones', async () => {
		await expect(storeImage(new File(['<script>alert(1)</script>'], 'x.jpg'))).rejects.toThrow(
			UploadError
		);
		await expect(
			storeImage(new File([new Uint8Array(11 * 1024 * 1024)], 'big.jpg'))
		).rejects.toThrow('10 MB');
	});

	it('accepts only real PDFs', async () => {
		await expect(storePdf(new File(['hello'], 'x.pdf'))).rejects.toThrow('不是有效的 PDF');
		const key = await storePdf(new File(['%PDF-1.4\n%%EOF'], 'r.pdf'));
		expect(key).toMatch(/\.pdf$/);
	});

	it('never reads outside the uploads folder', async () => {
		expect(await readImage('../../etc/passwd')).toBeNull();
	});
});
