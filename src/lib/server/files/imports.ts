/**
 * Preview-then-commit imports. A file is parsed and checked once; the good rows wait here, keyed by
 * a random token tied to the user, until the user commits them in one transaction or they expire.
 */
import { readSheet, missingColumns, TabularError, type Sheet } from './tabular';

export type BadRow = { line: number; reason: string; summary: string };

export type Checked<T> = { good: { line: number; value: T }[]; bad: BadRow[]; total: number };

export type Staged<T> = Checked<T> & {
	token: string;
	kind: string;
	userId: number | null;
	filename: string;
	expires: number;
};

const TTL_MS = 30 * 60_000;
const staged = new Map<string, Staged<unknown>>();

function sweep(now: number) {
	for (const [k, v] of staged) if (v.expires < now) staged.delete(k);
}

export function stage<T>(
	kind: string,
	userId: number | null,
	filename: string,
	checked: Checked<T>,
	now = Date.now()
): Staged<T> {
	sweep(now);
	const token = crypto.randomUUID();
	const entry: Staged<T> = { ...checked, token, kind, userId, filename, expires: now + TTL_MS };
	staged.set(token, entry as Staged<unknown>);
	return entry;
}

/** The staged rows for this user, removed so they commit at most once. */
export function take<T>(kind: string, userId: number | null, token: string): Staged<T> | undefined {
	const entry = staged.get(token);
	if (!entry || entry.kind !== kind || entry.userId !== userId || entry.expires < Date.now())
		return undefined;
	staged.delete(token);
	return entry as Staged<T>;
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Reads an uploaded file into a sheet, or a Chinese message saying what is wrong with it. */
export async function readUpload(
	file: FormDataEntryValue | null,
	required: string[]
): Promise<{ sheet: Sheet; filename: string } | { error: string }> {
	if (!(file instanceof File) || file.size === 0)
		return { error: '请选择要导入的 CSV 或 Excel 文件' };
	if (file.size > MAX_IMPORT_BYTES) return { error: '文件超过 20 MB，请拆分后分批导入' };
	try {
		const sheet = await readSheet(new Uint8Array(await file.arrayBuffer()), file.name);
		const missing = missingColumns(sheet, required);
		if (missing.length)
			return {
				error: `缺少必填列：${missing.join('、')}。请使用导入模板，第一行为列名。`
			};
		if (sheet.rows.length === 0) return { error: '文件里没有数据行' };
		return { sheet, filename: file.name };
	} catch (e) {
		if (e instanceof TabularError) return { error: e.message };
		throw e;
	}
}

/** What the preview page shows: counts, every bad row, and a sample of the good ones. */
export function previewOf<T>(s: Staged<T>, sample: (v: T) => Record<string, string>) {
	return {
		token: s.token,
		filename: s.filename,
		total: s.total,
		goodCount: s.good.length,
		bad: s.bad,
		sample: s.good.slice(0, 20).map((g) => ({ line: g.line, ...sample(g.value) }))
	};
}

export type Preview = ReturnType<typeof previewOf>;
