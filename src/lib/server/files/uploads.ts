/**
 * Uploaded files under DATA_DIR/uploads. Images are checked by decoding them, re-encoded to JPEG
 * (metadata and any hidden payload dropped, orientation applied) in a large and a small size.
 * PDFs are checked by their header and kept as sent.
 */
import type { Sharp } from 'sharp';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_PDF_BYTES = 20 * 1024 * 1024;

export class UploadError extends Error {}

export function dataDir(): string {
	return resolve(process.env.DATA_DIR ?? 'data');
}

function uploadsDir(kind: 'img' | 'pdf') {
	return join(dataDir(), 'uploads', kind);
}

const KEY = /^[0-9a-f-]{36}(?:-s)?\.(?:jpg|pdf)$/;

export function isKey(key: string) {
	return KEY.test(key);
}

/**
 * Stores an image and returns its key; `${key}` is the large version (≤1600 px), the small one
 * (≤480 px, for the scan page on a weak signal) is `smallKey(key)`.
 */
export async function storeImage(file: File): Promise<string> {
	if (!file.size) throw new UploadError('请选择图片');
	if (file.size > MAX_IMAGE_BYTES) throw new UploadError('图片不能超过 10 MB，请压缩后再上传');
	const input = Buffer.from(await file.arrayBuffer());
	let image: Sharp;
	try {
		// sharp (libvips) is loaded on the first upload, not with the server.
		const sharp = (await import('sharp')).default;
		image = sharp(input, { limitInputPixels: 50_000_000 }).rotate();
		const meta = await image.metadata();
		if (
			!meta.format ||
			!['jpeg', 'png', 'webp', 'gif', 'heif', 'avif', 'tiff'].includes(meta.format)
		)
			throw new Error('not an image');
	} catch {
		throw new UploadError('只能上传图片（JPG、PNG、WebP 等），这个文件不是有效的图片');
	}
	const id = crypto.randomUUID();
	const dir = uploadsDir('img');
	await mkdir(dir, { recursive: true });
	const large = await image
		.clone()
		.resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
		.jpeg({ quality: 82, mozjpeg: true })
		.toBuffer();
	const small = await image
		.clone()
		.resize({ width: 480, height: 480, fit: 'inside', withoutEnlargement: true })
		.jpeg({ quality: 72, mozjpeg: true })
		.toBuffer();
	try {
		await writeFile(join(dir, `${id}.jpg`), large);
		await writeFile(join(dir, `${id}-s.jpg`), small);
	} catch (e) {
		await deleteImage(`${id}.jpg`);
		throw e;
	}
	return `${id}.jpg`;
}

export function smallKey(key: string): string {
	return key.replace(/\.jpg$/, '-s.jpg');
}

/**
 * Deletes a stored image, both sizes: a photo taken off its record, or stored for a submission
 * that was then refused. A key that is not there is no error.
 */
export async function deleteImage(key: string | null | undefined): Promise<void> {
	if (!key || !isKey(key) || !key.endsWith('.jpg') || key.endsWith('-s.jpg')) return;
	const dir = uploadsDir('img');
	await Promise.all([
		rm(join(dir, key), { force: true }),
		rm(join(dir, smallKey(key)), { force: true })
	]);
}

/** Deletes images after the transaction that dropped them has committed; failures are logged. */
export function deleteImagesLater(keys: (string | null | undefined)[]) {
	for (const key of keys)
		deleteImage(key).catch((e) => console.error(`[上传] 删除图片 ${key} 失败`, e));
}

/** URL of a stored image (public or staff-only: the route decides who may read it); `small` for the 480 px version. */
export function imageUrl(key: string | null | undefined, small = false): string | null {
	if (!key) return null;
	return `/uploads/img/${small ? smallKey(key) : key}`;
}

export async function readImage(key: string): Promise<Buffer | null> {
	if (!isKey(key) || !key.endsWith('.jpg')) return null;
	return readFile(join(uploadsDir('img'), key)).catch(() => null);
}

export async function storePdf(file: File): Promise<string> {
	if (!file.size) throw new UploadError('请选择 PDF 文件');
	if (file.size > MAX_PDF_BYTES) throw new UploadError('PDF 不能超过 20 MB');
	const bytes = Buffer.from(await file.arrayBuffer());
	if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
		throw new UploadError('只能上传 PDF 文件，这个文件不是有效的 PDF');
	const key = `${crypto.randomUUID()}.pdf`;
	const dir = uploadsDir('pdf');
	await mkdir(dir, { recursive: true });
	await writeFile(join(dir, key), bytes);
	return key;
}

/** A stored PDF; callers check who may read it before calling. */
export async function readPdf(key: string): Promise<Buffer | null> {
	if (!isKey(key) || !key.endsWith('.pdf')) return null;
	return readFile(join(uploadsDir('pdf'), key)).catch(() => null);
}

// ---------------------------------------------------------------- documents

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Word and Excel files kept as sent: the formats officers' own reports come in. */
const OFFICE = {
	docx: { zipPart: 'word/', label: 'Word' },
	xlsx: { zipPart: 'xl/', label: 'Excel' },
	doc: { zipPart: null, label: 'Word' },
	xls: { zipPart: null, label: 'Excel' }
} as const;
type OfficeExt = keyof typeof OFFICE;

const DOCUMENT_KEY = /^[0-9a-f-]{36}\.(?:pdf|docx|xlsx|doc|xls)$/;

export type StoredFile = {
	key: string;
	kind: 'pdf' | 'image' | 'office';
	name: string;
	size: number;
};

/**
 * Stores a report's attachment: an image (re-encoded as every image is), a PDF (header checked),
 * or a Word / Excel file — checked by its container (a ZIP holding `word/` or `xl/` parts, or the
 * older OLE compound file) against its extension, and kept as sent. Anything else is refused.
 */
export async function storeAttachment(file: File): Promise<StoredFile> {
	const name = file.name.slice(0, 120) || '附件';
	const ext = name.toLowerCase().split('.').pop() ?? '';
	if (!file.size) throw new UploadError('请选择文件');
	if (file.type.startsWith('image/') || ['jpg', 'jpeg', 'png', 'webp', 'gif', 'heic'].includes(ext))
		return { key: await storeImage(file), kind: 'image', name, size: file.size };
	if (ext === 'pdf') return { key: await storePdf(file), kind: 'pdf', name, size: file.size };
	if (!(ext in OFFICE))
		throw new UploadError('附件只能是 PDF、图片、Word（.doc/.docx）或 Excel（.xls/.xlsx）文件');
	if (file.size > MAX_DOCUMENT_BYTES) throw new UploadError('附件不能超过 20 MB');
	const bytes = Buffer.from(await file.arrayBuffer());
	const spec = OFFICE[ext as OfficeExt];
	const zip = bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004';
	const ole = bytes
		.subarray(0, 8)
		.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
	const ok = spec.zipPart ? zip && bytes.includes(Buffer.from(spec.zipPart, 'latin1')) : ole;
	if (!ok)
		throw new UploadError(`这个文件不是有效的 ${spec.label} 文件，请另存为 .${ext} 后再上传`);
	const key = `${crypto.randomUUID()}.${ext}`;
	const dir = join(dataDir(), 'uploads', 'doc');
	await mkdir(dir, { recursive: true });
	await writeFile(join(dir, key), bytes);
	return { key, kind: 'office', name, size: file.size };
}

/** A stored attachment's bytes and type; callers check who may read it before calling. */
export async function readAttachment(key: string): Promise<{ bytes: Buffer; type: string } | null> {
	if (isKey(key) && key.endsWith('.jpg')) {
		const bytes = await readImage(key);
		return bytes && { bytes, type: 'image/jpeg' };
	}
	if (!DOCUMENT_KEY.test(key)) return null;
	if (key.endsWith('.pdf')) {
		const bytes = await readPdf(key);
		return bytes && { bytes, type: 'application/pdf' };
	}
	const bytes = await readFile(join(dataDir(), 'uploads', 'doc', key)).catch(() => null);
	const ext = key.split('.').pop() as OfficeExt;
	const type = {
		docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		doc: 'application/msword',
		xls: 'application/vnd.ms-excel'
	}[ext];
	return bytes && { bytes, type };
}

/**
 * A stored attachment as a private download (`null` when its bytes are gone): for a record whose
 * reader was checked by the caller — never cached, never sniffed.
 */
export async function attachmentResponse(key: string, name: string): Promise<Response | null> {
	const file = await readAttachment(key);
	if (!file) return null;
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.type,
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
}
