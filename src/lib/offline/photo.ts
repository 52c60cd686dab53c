/** Photos are made smaller in the browser before they are kept or queued: JPEG, long side ≤ 1600. */
export const MAX_SIDE = 1600;

export async function resizePhoto(file: File, max = MAX_SIDE, quality = 0.85): Promise<File> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file);
	} catch {
		return file; // not a picture the browser reads: the server says why
	}
	const scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
	const w = Math.max(1, Math.round(bitmap.width * scale));
	const h = Math.max(1, Math.round(bitmap.height * scale));
	const canvas = document.createElement('canvas');
	canvas.width = w;
	canvas.height = h;
	const ctx = canvas.getContext('2d')!;
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, w, h);
	ctx.drawImage(bitmap, 0, 0, w, h);
	bitmap.close();
	const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/jpeg', quality));
	if (!blob) return file;
	const name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
	return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
}
