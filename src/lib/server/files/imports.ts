/**
 * Spreadsheet imports, one flow for every area: upload → read the sheet (bounded, header found and
 * checked) → check each row (writes nothing) → stage the good rows in the database → preview →
 * commit them in one transaction → a one-line summary. The web actions and the CLI both run it.
 *
 * Staged rows live in `staged_import`, so a preview made on one worker commits on another and
 * survives a restart. A token commits at most once, only for the user and kind that staged it,
 * and not after it expires.
 */
import { and, desc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import { db as shared, type DB } from '../db';
import { stagedImport } from '../db/schema';
import { attempt, invalid, type FormFailure, type Values } from '../forms';
import type { Actor } from '../actor';
import { download, missingColumns, readSheet, TabularError, type Sheet } from './tabular';

export type BadRow = { line: number; reason: string; summary: string };

export type Checked<T> = { good: { line: number; value: T }[]; bad: BadRow[]; total: number };

export type Staged<T> = Checked<T> & {
	/** How many rows are bad; `bad` keeps only the first `MAX_BAD_ROWS` of them. */
	badCount: number;
	token: string;
	kind: string;
	userId: number | null;
	filename: string;
	expires: number;
	/** The uploaded file, when kept to pick another of its sheets. */
	source?: Uint8Array | null;
};

export const TTL_MS = 30 * 60_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** The most data rows one file may hold; larger files are split by the user. */
export const MAX_IMPORT_ROWS = 60_000;
/** Bad rows kept and shown; the rest are counted. */
export const MAX_BAD_ROWS = 200;
/** Previews one user may keep waiting at once; a new one replaces the oldest. */
export const MAX_STAGED_PER_USER = 3;

export const EXPIRED = '预览已过期或已经导入，请重新选择文件';

type Opts = { now?: number; db?: DB };

/** Rows must be JSON values: dates as ISO strings (a `Date` becomes one), no Maps, Sets or bigints. */
function toJson(checked: Checked<unknown>): string {
	const payload = {
		good: checked.good,
		bad: checked.bad.slice(0, MAX_BAD_ROWS),
		badCount: checked.bad.length,
		total: checked.total
	};
	return JSON.stringify(payload, (_, v) => {
		if (v instanceof Map || v instanceof Set || typeof v === 'bigint' || typeof v === 'function')
			throw new TypeError('待导入的行只能包含 JSON 值（日期请用 ISO 字符串）');
		return v;
	});
}

/** Deletes staged imports that have expired; returns how many. */
export function sweep({ now = Date.now(), db = shared }: Opts = {}): number {
	return db.delete(stagedImport).where(lt(stagedImport.expiresAt, now)).run().changes;
}

/**
 * Keeps checked rows until the user commits them (or they expire, after 30 minutes). A user keeps
 * at most `MAX_STAGED_PER_USER` previews: staging another forgets the oldest. Only the first
 * `MAX_BAD_ROWS` bad rows are kept, and the count of all of them.
 */
export function stage<T>(
	kind: string,
	userId: number | null,
	filename: string,
	checked: Checked<T>,
	{ now = Date.now(), db = shared, source }: Opts & { source?: Uint8Array } = {}
): Staged<T> {
	sweep({ now, db });
	const token = crypto.randomUUID();
	const expires = now + TTL_MS;
	const payload = toJson(checked);
	db.transaction(
		(tx) => {
			const mine = userId === null ? isNull(stagedImport.userId) : eq(stagedImport.userId, userId);
			const older = tx
				.select({ token: stagedImport.token })
				.from(stagedImport)
				.where(mine)
				.orderBy(desc(stagedImport.expiresAt))
				.limit(1000)
				.offset(MAX_STAGED_PER_USER - 1)
				.all()
				.map((r) => r.token);
			if (older.length) tx.delete(stagedImport).where(inArray(stagedImport.token, older)).run();
			tx.insert(stagedImport)
				.values({
					token,
					kind,
					userId,
					filename,
					payload,
					source: source ? Buffer.from(source) : null,
					expiresAt: expires
				})
				.run();
		},
		{ behavior: 'immediate' }
	);
	const bad = checked.bad.slice(0, MAX_BAD_ROWS);
	return {
		...checked,
		bad,
		badCount: checked.bad.length,
		token,
		kind,
		userId,
		filename,
		expires,
		source: source ?? null
	};
}

/** The staged rows for this user and kind, removed in the same transaction so they commit once. */
export function take<T>(
	kind: string,
	userId: number | null,
	token: string,
	{ now = Date.now(), db = shared }: Opts = {}
): Staged<T> | undefined {
	if (!token) return undefined;
	return db.transaction(
		(tx) => {
			const row = tx
				.delete(stagedImport)
				.where(
					and(
						eq(stagedImport.token, token),
						eq(stagedImport.kind, kind),
						userId === null ? isNull(stagedImport.userId) : eq(stagedImport.userId, userId),
						gte(stagedImport.expiresAt, now)
					)
				)
				.returning()
				.get();
			if (!row) return undefined;
			const payload = JSON.parse(row.payload) as Checked<T> & { badCount?: number };
			return {
				...payload,
				badCount: payload.badCount ?? payload.bad.length,
				token: row.token,
				kind: row.kind,
				userId: row.userId,
				filename: row.filename,
				expires: row.expiresAt,
				source: row.source ? new Uint8Array(row.source) : null
			};
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Reads a file into a sheet whose header row holds `required`, or a Chinese message saying what is
 * wrong with it.
 */
export async function readFile(
	bytes: Uint8Array,
	filename: string,
	required: readonly string[],
	opts: { sheet?: string } = {}
): Promise<{ sheet: Sheet; filename: string } | { error: string }> {
	if (bytes.byteLength === 0) return { error: '请选择要导入的 CSV 或 Excel 文件' };
	if (bytes.byteLength > MAX_IMPORT_BYTES) return { error: '文件超过 20 MB，请拆分后分批导入' };
	try {
		const sheet = await readSheet(bytes, filename, required, {
			maxRows: MAX_IMPORT_ROWS,
			sheet: opts.sheet
		});
		const missing = missingColumns(sheet, required);
		if (missing.length)
			return {
				error: `缺少必填列：${missing.join('、')}。前 20 行里没有找到含这些列的列名行（各工作表都找过），请对照导入模板检查列名。`
			};
		if (sheet.rows.length === 0) return { error: '文件里没有数据行' };
		return { sheet, filename };
	} catch (e) {
		if (e instanceof TabularError) return { error: e.message };
		throw e;
	}
}

/** The same for an uploaded form field, with the file's bytes. */
export async function readUpload(file: FormDataEntryValue | null, required: readonly string[]) {
	if (!(file instanceof File) || file.size === 0)
		return { error: '请选择要导入的 CSV 或 Excel 文件' };
	if (file.size > MAX_IMPORT_BYTES) return { error: '文件超过 20 MB，请拆分后分批导入' };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const read = await readFile(bytes, file.name, required);
	return 'error' in read ? read : { ...read, bytes };
}

/**
 * What the preview page shows: counts, the first `MAX_BAD_ROWS` bad rows and how many more there
 * are, and a sample of the good ones.
 */
export function previewOf<T>(s: Staged<T>, sample: (v: T) => Record<string, string>) {
	return {
		token: s.token,
		filename: s.filename,
		total: s.total,
		goodCount: s.good.length,
		bad: s.bad.slice(0, MAX_BAD_ROWS),
		badCount: s.badCount,
		badMore: Math.max(0, s.badCount - MAX_BAD_ROWS),
		columns: s.good.length ? Object.keys(sample(s.good[0].value)) : [],
		sample: s.good.slice(0, 20).map((g) => ({ line: g.line, ...sample(g.value) }))
	};
}

export type Preview = ReturnType<typeof previewOf>;

/**
 * Where in the file the rows were read — the sheet, the header's line, the rows left out below,
 * the other sheets that hold the header (the user may pick one) — and the same said in Chinese.
 */
export function sourceOf(sheet: Sheet) {
	const sheetName = sheet.sheetName ?? null;
	const headerLine = sheet.headerLine ?? 1;
	const skipped = sheet.skipped ?? [];
	const otherSheets = sheet.otherSheets ?? [];
	const notes = [
		`${sheetName ? `读取工作表「${sheetName}」，` : ''}以第 ${headerLine} 行为列名行${headerLine > 1 ? `，其上 ${headerLine - 1} 行（标题、填报单位等）未作为数据读取` : ''}。`
	];
	if (skipped.length)
		notes.push(
			`数据之后的 ${skipped.length} 行未导入：${skipped.map((r) => `第 ${r.line} 行「${r.text}」（${r.reason}）`).join('；')}。`
		);
	if (otherSheets.length)
		notes.push(
			`另有 ${otherSheets.length} 个工作表也含列名行：${otherSheets.map((n) => `「${n}」`).join('、')}。如要导入其他工作表，请在下方选择。`
		);
	return {
		sheetName,
		headerLine,
		skipped,
		otherSheets,
		/** Every sheet that holds the header, in the workbook's order. */
		sheets: sheet.headerSheets ?? (sheetName ? [sheetName] : []),
		notes
	};
}

/** What a commit did; `notes` are further clauses of the summary (enterprises created …). */
export type Outcome = {
	created: number;
	updated?: number;
	unchanged: number;
	notes?: string[];
};

/**
 * One import: its columns and template, how its rows are checked and written, and how they are
 * named in the summary. `Ctx` is who imports and where to (the actor, a year, a street).
 */
export type Spec<Ctx, Row> = {
	/** Staging kind; a token staged for one kind (or one street) never commits for another. */
	kind: (ctx: Ctx) => string;
	/** Columns of the template, in order. */
	columns: readonly string[];
	/** Columns a file must have. */
	required: readonly string[];
	/** One example row for the template, by column. */
	example: Record<string, string>;
	/** File name of the template, without extension. */
	template: (ctx: Ctx) => string;
	/** `新增 3 条信用承诺`: the unit and the noun of the rows. */
	unit: string;
	noun: string;
	/** Checks every row; writes nothing. */
	check(sheet: Sheet, ctx: Ctx): Checked<Row>;
	/** Writes the rows in one transaction; the same rows again change nothing. */
	commit(ctx: Ctx, rows: Row[], filename: string): Outcome;
	/** The preview's columns for a good row. */
	sample(row: Row): Record<string, string>;
};

export function define<Ctx, Row>(spec: Spec<Ctx, Row>): Spec<Ctx, Row> {
	return spec;
}

/** The preview as plain lines, for the CLI. */
export function summaryLines(checked: Checked<unknown>): string[] {
	const lines = [
		`共 ${checked.total} 行：${checked.good.length} 行可以导入，${checked.bad.length} 行有问题。`
	];
	for (const b of checked.bad) lines.push(`  第 ${b.line} 行：${b.reason}（${b.summary}）`);
	return lines;
}

/** The one-line outcome shown after a commit, on the web and in the CLI. */
export function describe(r: Outcome, words: { unit: string; noun: string }, badRows = 0): string {
	const { unit, noun } = words;
	const parts = [`新增 ${r.created} ${unit}${noun}`];
	if (r.updated) parts.push(`更新 ${r.updated} ${unit}`);
	if (r.unchanged) parts.push(`${r.unchanged} ${unit}已存在，未重复写入`);
	parts.push(...(r.notes ?? []));
	const bad = badRows ? `；${badRows} 行有问题，未导入` : '';
	return `导入完成：${parts.join('，')}${bad}。`;
}

/** The template of an import: its columns and one example row, as CSV or XLSX. */
export function template<Ctx>(spec: Spec<Ctx, unknown>, ctx: Ctx, format: 'csv' | 'xlsx') {
	return download(
		format,
		spec.template(ctx),
		spec.columns.map((h) => ({
			header: h,
			value: (r: Record<string, string>) => r[h],
			width: Math.max(12, Math.min(36, (spec.example[h]?.length ?? 0) * 2 + 4))
		})),
		[spec.example]
	);
}

type Context<Ctx> = (event: RequestEvent, form: FormData) => Ctx | FormFailure;

const isFailure = (v: unknown): v is FormFailure =>
	typeof v === 'object' && v !== null && 'status' in v && 'data' in v;

async function formOf(event: RequestEvent): Promise<FormData | null> {
	try {
		return await event.request.formData();
	} catch {
		return null;
	}
}

/** Checks a read sheet, stages its good rows (and the file, when kept) and answers the preview. */
function staging<Ctx extends { actor: Actor }, Row>(
	spec: Spec<Ctx, Row>,
	ctx: Ctx,
	read: { sheet: Sheet; filename: string },
	source: Uint8Array | undefined,
	values: Values
) {
	const checked = spec.check(read.sheet, ctx);
	const staged = stage(spec.kind(ctx), ctx.actor.id, read.filename, checked, { source });
	return { preview: { ...previewOf(staged, spec.sample), source: sourceOf(read.sheet) }, values };
}

/**
 * The form actions of an import page: `preview` (upload, check, stage), `reread` (the staged
 * upload from another of its sheets) and `commit`. `context`
 * checks who may import here (it throws 403/404) and reads the form's other fields.
 */
export function actions<Ctx extends { actor: Actor }, Row>(
	spec: Spec<Ctx, Row>,
	context: Context<Ctx>
) {
	return {
		preview: async (event: RequestEvent) => {
			const form = await formOf(event);
			if (!form) return invalid({}, { _: '上传未完成，请重新选择文件' });
			const ctx = context(event, form);
			if (isFailure(ctx)) return ctx;
			const values: Values = {};
			for (const [k, v] of form) if (typeof v === 'string' && k !== 'token') values[k] = v;
			const upload = await readUpload(form.get('file'), spec.required);
			if ('error' in upload) return invalid(values, { file: upload.error });
			// keep the file only when another of its sheets may be picked
			const keep = upload.sheet.otherSheets?.length ? upload.bytes : undefined;
			return staging(spec, ctx, upload, keep, values);
		},
		/** The same upload again, read from another of its sheets: no second upload. */
		reread: async (event: RequestEvent) => {
			const form = (await formOf(event)) ?? new FormData();
			const ctx = context(event, form);
			if (isFailure(ctx)) return ctx;
			const values: Values = {};
			for (const [k, v] of form)
				if (typeof v === 'string' && k !== 'token' && k !== 'sheet') values[k] = v;
			const token = form.get('token');
			const sheet = String(form.get('sheet') ?? '');
			const staged = take<Row>(
				spec.kind(ctx),
				ctx.actor.id,
				typeof token === 'string' ? token : ''
			);
			if (!staged?.source) return invalid(values, { _: EXPIRED });
			const read = await readFile(staged.source, staged.filename, spec.required, { sheet });
			if ('error' in read) return invalid(values, { _: read.error });
			if (read.sheet.sheetName !== sheet)
				return invalid(values, {
					_: `工作表「${sheet.slice(0, 40)}」里没有找到列名行，请重新选择`
				});
			return staging(spec, ctx, read, staged.source, values);
		},
		commit: async (event: RequestEvent) => {
			const form = (await formOf(event)) ?? new FormData();
			const ctx = context(event, form);
			if (isFailure(ctx)) return ctx;
			const token = form.get('token');
			const staged = take<Row>(
				spec.kind(ctx),
				ctx.actor.id,
				typeof token === 'string' ? token : ''
			);
			if (!staged) return invalid({}, { _: EXPIRED });
			const outcome = await attempt({}, () =>
				spec.commit(
					ctx,
					staged.good.map((g) => g.value),
					staged.filename
				)
			);
			if (isFailure(outcome)) return outcome;
			return { committed: { message: describe(outcome, spec, staged.badCount) } };
		}
	};
}

/**
 * The CLI import of a file: prints the same preview lines, and unless `dryRun` writes the good rows
 * with the same commit. Exit code 0 when every row was good, 3 when some were not.
 */
export async function runFile<Ctx, Row>(
	spec: Spec<Ctx, Row>,
	ctx: Ctx,
	path: string,
	bytes: Uint8Array,
	opts: {
		dryRun: boolean;
		dryRunNote?: string;
		log?: (line: string) => void;
		/** Write nothing when any row is bad (a register loaded whole, not row by row). */
		allOrNothing?: boolean;
	}
): Promise<number> {
	const log = opts.log ?? console.log;
	const name = path.split(/[\\/]/).pop() ?? path;
	const read = await readFile(bytes, name, spec.required);
	if ('error' in read) throw new Error(read.error);
	const checked = spec.check(read.sheet, ctx);
	for (const line of summaryLines(checked)) log(line);
	if (opts.dryRun) {
		log(opts.dryRunNote ?? '（--dry-run：只检查，未写入）');
		return checked.bad.length ? 3 : 0;
	}
	if (opts.allOrNothing && checked.bad.length) {
		log(`有 ${checked.bad.length} 行有问题，全部未写入；请改正后重新导入。`);
		return 3;
	}
	if (!checked.good.length) {
		log('没有可以导入的行。');
		return 3;
	}
	const outcome = spec.commit(
		ctx,
		checked.good.map((g) => g.value),
		name
	);
	log(describe(outcome, spec, checked.bad.length));
	return checked.bad.length ? 3 : 0;
}
