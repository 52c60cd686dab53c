/**
 * Spreadsheets in and out: CSV (UTF-8, UTF-8 with BOM, GB18030/GBK as Excel saves it on Chinese
 * Windows) and XLSX, read into rows of trimmed strings keyed by header; and every list exported as
 * CSV (formula-looking cells escaped) or XLSX.
 */
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { formatDateTime } from '../../format';

// exceljs is large and takes a second or more to load, all of it holding the event loop: the
// server loads it before it listens (`preload`), the CLI and tests on the first spreadsheet.
const loadExcel = async () => (await import('exceljs')).default;

/** Loads the spreadsheet library now, so that no request waits while it loads. */
export async function preload(): Promise<void> {
	await loadExcel();
}

/** A row left out below the data (a total or a signature line), with why. */
export type Skipped = { line: number; text: string; reason: string };

export type Sheet = {
	headers: string[];
	rows: { line: number; cells: Record<string, string> }[];
	/** Where the header was found: the sheet's name (XLSX) and its line. */
	sheetName?: string;
	headerLine?: number;
	/** Rows after the data that were not read as data. */
	skipped?: Skipped[];
	/** Other sheets that hold the header too (only the first, or the one picked, is read). */
	otherSheets?: string[];
	/** Every sheet that holds the header, in the workbook's order. */
	headerSheets?: string[];
};

export class TabularError extends Error {}

/** Decodes CSV bytes: a BOM or valid UTF-8 is UTF-8, anything else is read as GB18030. */
export function decodeText(bytes: Uint8Array): string {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return new TextDecoder('utf-8').decode(bytes.subarray(3));
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('gb18030').decode(bytes);
	}
}

function isXlsx(bytes: Uint8Array, filename: string) {
	return (bytes[0] === 0x50 && bytes[1] === 0x4b) || /\.xlsx$/i.test(filename);
}

function cleanHeader(h: string) {
	return h
		.replace(/^\uFEFF/, '')
		.replace(/[\s*＊]/g, '')
		.replace(/（.*?）|\(.*?\)/g, '');
}

/** How far down a header row is looked for (title rows above it, as officers' workbooks have). */
const HEADER_SEARCH_ROWS = 20;

/**
 * Names officers' own workbooks give the columns. A header cell that is not itself an expected
 * column but shares a group with one is read as that column.
 */
export const HEADER_VARIANTS: readonly (readonly string[])[] = [
	['企业名称', '单位名称', '市场主体名称', '企业单位名称', '主体名称'],
	['统一社会信用代码', '信用代码', '社会信用代码', '统一代码', '统一社会信用代码证号'],
	['公示日期', '承诺日期', '公示时间', '承诺时间'],
	['所属街镇', '街镇', '所属街道', '街道', '街镇园区', '所属街镇园区', '所属镇街'],
	['商户名称', '店铺名称', '门店名称', '经营者名称'],
	['活动名称', '活动主题名称'],
	['开始日期', '活动日期', '举办日期']
];

function canonical(h: string, expected: readonly string[]): string {
	if (expected.includes(h)) return h;
	const group = HEADER_VARIANTS.find((g) => g.includes(h));
	return group?.find((c) => expected.includes(c)) ?? h;
}

const SERIAL_COLUMN = '序号';

/** First words of the rows below the data that are not data: totals and signature lines. */
const FOOTER =
	/^(合计|小计|总计|共计|填表人|填报人|审核人|审核|制表人|制表|负责人|单位负责人|填表日期|填报日期|联系人|联系电话)/;

const FOOTER_REASON = (text: string) =>
	/^(合计|小计|总计|共计)/.test(text) ? '合计行' : '签名或填表信息';

/**
 * The index of the header row: the first of the top rows holding every expected column (under
 * any of its names), else the one holding most of them, else the first row.
 */
function headerIndex(
	matrix: string[][],
	expected: readonly string[]
): { at: number; all: boolean } {
	if (!expected.length) return { at: 0, all: true };
	let best = 0;
	let bestHits = 0;
	for (let i = 0; i < Math.min(matrix.length, HEADER_SEARCH_ROWS); i++) {
		const cells = new Set(
			(matrix[i] ?? []).map((c) => canonical(cleanHeader(String(c ?? '')), expected))
		);
		const hits = expected.filter((c) => cells.has(c)).length;
		if (hits === expected.length) return { at: i, all: true };
		if (hits > bestHits) [best, bestHits] = [i, hits];
	}
	return { at: best, all: false };
}

function toSheet(
	matrix: string[][],
	firstLine: number,
	expected: readonly string[],
	at = headerIndex(matrix, expected).at
): Sheet {
	const head = matrix[at];
	if (!head) throw new TabularError('文件是空的：第一行应为列名');
	const headers = head.map((h) => canonical(cleanHeader(String(h ?? '')), expected));
	const rows: Sheet['rows'] = [];
	const skipped: Skipped[] = [];
	let footer = false;
	for (let i = at + 1; i < matrix.length; i++) {
		const r = matrix[i] ?? [];
		const words = (keep: (j: number) => boolean) =>
			r
				.filter((_, j) => keep(j))
				.map((c) => String(c ?? '').trim())
				.filter(Boolean)
				.join(' ');
		const full = words(() => true);
		if (!footer && FOOTER.test(full)) footer = true;
		if (footer) {
			if (full)
				skipped.push({ line: firstLine + i, text: full.slice(0, 60), reason: FOOTER_REASON(full) });
			continue;
		}
		// a row holding nothing but its 序号 is blank
		if (!words((j) => headers[j] !== SERIAL_COLUMN)) continue;
		const cells: Record<string, string> = {};
		headers.forEach((h, j) => {
			if (h) cells[h] = String(r[j] ?? '').trim();
		});
		rows.push({ line: firstLine + i, cells });
	}
	return { headers, rows, headerLine: firstLine + at, skipped };
}

function cellText(value: ExcelJS.CellValue): string {
	if (value == null) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((t) => t.text).join('');
		if ('text' in value) return String(value.text);
		if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
		if ('error' in value) return '';
	}
	return String(value);
}

/** The most an XLSX may inflate to, per entry and in all, read from its central directory. */
export const MAX_ENTRY_BYTES = 200 * 1024 * 1024;
export const MAX_INFLATED_BYTES = 400 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

/**
 * Checks the sizes an XLSX declares for its entries, before anything is inflated. The reader
 * (exceljs) inflates in full, so a small file that declares gigabytes is refused here; yauzl
 * checks while inflating that no entry outgrows what it declared.
 */
export async function checkZip(bytes: Uint8Array): Promise<void> {
	const yauzl = await import('yauzl');
	const zip = await new Promise<import('yauzl').ZipFile>((resolve, reject) =>
		yauzl.fromBuffer(
			Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
			{ lazyEntries: true },
			(e, z) => (e || !z ? reject(e) : resolve(z))
		)
	).catch(() => {
		throw new TabularError(
			'无法读取这个 Excel 文件，请确认是 .xlsx 格式（旧的 .xls 请另存为 .xlsx 或 CSV）'
		);
	});
	if (zip.entryCount > MAX_ENTRIES) {
		zip.close();
		throw new TabularError('这个 Excel 文件里的部件过多，无法读取，请另存为新的 .xlsx 文件后再试');
	}
	let total = 0;
	await new Promise<void>((resolve, reject) => {
		zip.on('entry', (entry: import('yauzl').Entry) => {
			total += entry.uncompressedSize;
			if (entry.uncompressedSize > MAX_ENTRY_BYTES || total > MAX_INFLATED_BYTES) {
				zip.close();
				const mb = Math.round(Math.max(entry.uncompressedSize, total) / 1024 / 1024);
				reject(
					new TabularError(
						`这个 Excel 文件解压后超过 ${mb} MB（上限 ${MAX_INFLATED_BYTES / 1024 / 1024} MB），不像正常的表格，请检查文件或拆分后分批导入`
					)
				);
				return;
			}
			zip.readEntry();
		});
		zip.on('end', () => resolve());
		zip.on('error', () => reject(new TabularError('Excel 文件已损坏，请重新保存后再试')));
		zip.readEntry();
	});
}

/** A file that holds more than `maxRows` data rows, refused before its rows are checked. */
function tooManyRows(maxRows: number) {
	return new TabularError(`文件超过每次 ${maxRows} 行数据的上限，请拆分后分批导入`);
}

/**
 * Reads the first sheet of a CSV or XLSX file into rows keyed by header. The header is the first
 * row, or — given the `expected` columns — the top row that holds them, below any title rows.
 * Each row keeps its line number in the file.
 */
export async function readSheet(
	bytes: Uint8Array,
	filename = '',
	expected: readonly string[] = [],
	{ maxRows = Infinity, sheet }: { maxRows?: number; sheet?: string } = {}
): Promise<Sheet> {
	if (/\.xls$/i.test(filename) || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11))
		throw new TabularError(
			'这是旧版 Excel（.xls）文件，无法读取：请在 Excel 或 WPS 中「另存为」.xlsx 格式后再导入'
		);
	if (isXlsx(bytes, filename)) {
		await checkZip(bytes);
		const wb = new (await loadExcel()).Workbook();
		try {
			await wb.xlsx.load(
				bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
			);
		} catch {
			throw new TabularError(
				'无法读取这个 Excel 文件，请确认是 .xlsx 格式（旧的 .xls 请另存为 .xlsx 或 CSV）'
			);
		}
		if (!wb.worksheets.length) throw new TabularError('Excel 文件里没有工作表');
		// the first sheet that holds the header, else the first sheet (whose columns are reported)
		const found: { ws: ExcelJS.Worksheet; matrix: string[][]; at: number }[] = [];
		let fallback: (typeof found)[number] | undefined;
		for (const ws of wb.worksheets) {
			if (ws.actualRowCount > maxRows + HEADER_SEARCH_ROWS) throw tooManyRows(maxRows);
			const matrix: string[][] = [];
			ws.eachRow({ includeEmpty: true }, (row, n) => {
				const values = (row.values as ExcelJS.CellValue[]).slice(1);
				matrix[n - 1] = values.map(cellText);
			});
			for (let i = 0; i < matrix.length; i++) matrix[i] ??= [];
			const h = headerIndex(matrix, expected);
			if (h.all) found.push({ ws, matrix, at: h.at });
			fallback ??= { ws, matrix, at: h.at };
		}
		const pick = (sheet && found.find((f) => f.ws.name === sheet)) || found[0] || fallback!;
		return capped(
			{
				...toSheet(pick.matrix, 1, expected, pick.at),
				sheetName: pick.ws.name,
				otherSheets: found.filter((f) => f !== pick).map((f) => f.ws.name),
				headerSheets: found.map((f) => f.ws.name)
			},
			maxRows
		);
	}
	if (bytes.includes(0)) throw new TabularError('无法识别的文件格式，请上传 CSV 或 .xlsx 文件');
	let matrix: string[][];
	try {
		// a running cap: parsing stops one record past the most a file may hold
		const limit = maxRows + HEADER_SEARCH_ROWS + 1;
		matrix = parse(decodeText(bytes), {
			relax_column_count: true,
			skip_empty_lines: true,
			bom: true,
			...(Number.isFinite(limit) ? { to: limit } : {})
		});
		if (matrix.length >= limit) throw tooManyRows(maxRows);
	} catch (e) {
		if (e instanceof TabularError) throw e;
		const line = (e as { lines?: number }).lines;
		throw new TabularError(`CSV 格式有误${line ? `（约第 ${line} 行）` : ''}：请检查引号是否成对`);
	}
	return capped(toSheet(matrix, 1, expected), maxRows);
}

function capped(sheet: Sheet, maxRows: number): Sheet {
	if (sheet.rows.length > maxRows) throw tooManyRows(maxRows);
	return sheet;
}

/** The columns a sheet lacks, to refuse a file with the wrong template in one message. */
export function missingColumns(sheet: Sheet, required: readonly string[]): string[] {
	return required.filter((c) => !sheet.headers.includes(c));
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Dates as people type them: 2023-06-01, 2023/6/1, 2023.6.1, 2023年6月1日, 20230601, or an Excel
 * serial number. Returns YYYY-MM-DD, or null when it is not a real date.
 */
export function parseDate(raw: string | number | Date | null | undefined): string | null {
	if (raw == null || raw === '') return null;
	if (raw instanceof Date)
		return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
	const s = String(raw).trim();
	let y: number, m: number, d: number;
	let match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(s);
	if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(s)))
		[y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else if (/^\d{4,5}(\.\d+)?$/.test(s)) {
		const serial = Math.floor(Number(s));
		if (serial < 20000 || serial > 80000) return null; // 1954 … 2119
		return new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
	} else return null;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
		return null;
	if (y < 1950 || y > 2100) return null;
	return date.toISOString().slice(0, 10);
}

/** A date-time cell in Excel is the wall-clock time in Shanghai (Excel has no time zones). */
const SHANGHAI_MS = 8 * 3_600_000;

/**
 * One column of an export. `kind` says how XLSX shows it: `date` turns YYYY-MM-DD text into a
 * date cell, `datetime` a `Date` into a Shanghai date-time cell, `percent` a fraction into a
 * percentage; numbers are number cells. CSV writes the same values as plain text.
 */
export type Column<T> = {
	header: string;
	value: (row: T) => string | number | Date | null | undefined;
	width?: number;
	kind?: 'date' | 'datetime' | 'percent';
};

/** Rows as an array, a generator, or pages fetched one after another. */
export type Rows<T> = Iterable<T> | AsyncIterable<T>;

/** What an export is: its name (sheet, file, title row) and when it was made. */
export type Meta = { name: string; title?: string | false; at?: Date };

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function escapeCsvCell(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvText<T>(c: Column<T>, r: T): string {
	const v = c.value(r);
	if (v == null) return '';
	if (v instanceof Date) return formatDateTime(v);
	if (c.kind === 'percent' && typeof v === 'number') return (v * 100).toFixed(1) + '%';
	return String(v);
}

const csvLine = <T>(columns: Column<T>[], r: T) =>
	columns.map((c) => escapeCsvCell(csvText(c, r))).join(',') + '\r\n';

export function toCsv<T>(columns: Column<T>[], rows: Iterable<T>): string {
	let out = '\uFEFF' + columns.map((c) => escapeCsvCell(c.header)).join(',') + '\r\n';
	for (const r of rows) out += csvLine(columns, r);
	return out;
}

const BATCH = 250;
const BATCH_MS = 15;
const breathe = () => new Promise<void>((r) => setImmediate(r));

/**
 * Rows in batches of at most 250 rows or 20 ms, with a pause between batches so that other
 * requests are served while a large file is written.
 */
async function* batches<T>(rows: Rows<T>): AsyncGenerator<T[]> {
	let batch: T[] = [];
	let since = performance.now();
	for await (const r of rows as AsyncIterable<T>) {
		batch.push(r);
		if (batch.length >= BATCH || performance.now() - since > BATCH_MS) {
			yield batch;
			batch = [];
			await breathe();
			since = performance.now();
		}
	}
	if (batch.length) yield batch;
}

function write(out: Writable, chunk: string | Uint8Array): Promise<void> | void {
	if (!out.write(chunk)) return new Promise((r) => out.once('drain', () => r()));
}

async function writeCsv<T>(out: Writable, columns: Column<T>[], rows: Rows<T>) {
	// A BOM so that Excel on Chinese Windows opens UTF-8 correctly; one header row, nothing else.
	await write(out, '\uFEFF' + columns.map((c) => escapeCsvCell(c.header)).join(',') + '\r\n');
	for await (const batch of batches(rows)) {
		let text = '';
		for (const r of batch) text += csvLine(columns, r);
		await write(out, text);
	}
}

/** Display width in Excel's units: a Chinese character is about two Latin ones. */
export function textWidth(s: string): number {
	let w = 0;
	for (const ch of s) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2.1 : 1.1;
	return w;
}

const NUM_FMT = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm', percent: '0.0%' } as const;

function xlsxCell<T>(c: Column<T>, r: T): string | number | Date {
	const v = c.value(r);
	if (v == null) return '';
	if (v instanceof Date) return new Date(v.getTime() + SHANGHAI_MS);
	if (c.kind === 'date' && typeof v === 'string') {
		const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
		if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	}
	return v;
}

function xlsxWidths<T>(columns: Column<T>[], sample: T[]): number[] {
	return columns.map((c) => {
		let w = Math.max(textWidth(c.header) + 4, c.kind === 'datetime' ? 17 : c.kind ? 12 : 8);
		for (const r of sample) {
			const v = c.value(r);
			if (v != null && !(v instanceof Date)) w = Math.max(w, textWidth(String(v)) + 2);
		}
		return Math.ceil(Math.min(Math.max(w, c.width ?? 0), 60));
	});
}

/**
 * XLSX through exceljs's streaming writer: rows go to `out` as they are written, so a large
 * export never holds its workbook in memory. A title row naming the list and the export time
 * (unless `title: false`, as templates have), then the header, frozen and filtered; dates and
 * numbers as real cells; widths from the header and the first rows.
 */
async function writeXlsx<T>(out: Writable, meta: Meta, columns: Column<T>[], rows: Rows<T>) {
	const ExcelJS = await loadExcel();
	const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
		stream: out,
		useStyles: true,
		useSharedStrings: false
	});
	wb.creator = '诚信松江';
	const titled = meta.title !== false;
	const headerRow = titled ? 2 : 1;
	const ws = wb.addWorksheet(meta.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), {
		views: [{ state: 'frozen', ySplit: headerRow }]
	});
	const it = batches(rows)[Symbol.asyncIterator]();
	let next = await it.next();
	const widths = xlsxWidths(columns, next.done ? [] : next.value);
	ws.columns = columns.map((c, i) => ({
		width: widths[i],
		style: c.kind ? { numFmt: NUM_FMT[c.kind] } : {}
	}));
	if (titled) {
		const at = meta.at ?? new Date();
		const title = ws.addRow([
			meta.title || `${meta.name}（导出时间：${formatDateTime(at)}，北京时间）`
		]);
		title.font = { bold: true, size: 14 };
		title.height = 24;
		if (columns.length > 1) ws.mergeCells(1, 1, 1, columns.length);
		title.commit();
	}
	const head = ws.addRow(columns.map((c) => c.header));
	head.font = { bold: true };
	head.eachCell((cell) => {
		cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
		cell.alignment = { vertical: 'middle', wrapText: true };
	});
	head.commit();
	let last = headerRow;
	let since = performance.now();
	while (!next.done) {
		for (const r of next.value) {
			const row = ws.addRow(columns.map((c) => xlsxCell(c, r)));
			columns.forEach((c, i) => {
				if (c.kind) row.getCell(i + 1).numFmt = NUM_FMT[c.kind];
			});
			row.commit();
			last += 1;
			// a row costs far more here than in CSV: pause by the clock, not by the batch
			if (performance.now() - since > BATCH_MS) {
				await breathe();
				since = performance.now();
			}
		}
		next = await it.next();
	}
	ws.autoFilter = {
		from: { row: headerRow, column: 1 },
		to: { row: Math.max(last, headerRow), column: columns.length }
	};
	ws.commit();
	await wb.commit();
}

/** Writes the file of `rows` to `out` (a file or a response), then ends it. */
export async function writeTo<T>(
	out: Writable,
	format: string | null,
	meta: Meta,
	columns: Column<T>[],
	rows: Rows<T>
): Promise<void> {
	if (format === 'xlsx') return writeXlsx(out, meta, columns, rows);
	await writeCsv(out, columns, rows);
	await new Promise<void>((resolve, reject) =>
		out.end((e?: Error | null) => (e ? reject(e) : resolve()))
	);
}

export async function toXlsx<T>(
	sheetName: string,
	columns: Column<T>[],
	rows: Rows<T>,
	meta: Partial<Meta> = {}
): Promise<Uint8Array> {
	const out = new PassThrough();
	const chunks: Buffer[] = [];
	out.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise((r) => out.on('end', r));
	await writeXlsx(out, { name: sheetName, ...meta }, columns, rows);
	await done;
	return new Uint8Array(Buffer.concat(chunks));
}

export const CONTENT_TYPE = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8'
} as const;

/** The headers of a download named `filename` (which may be Chinese). */
export function downloadHeaders(filename: string, xlsx: boolean): Record<string, string> {
	return {
		'content-type': CONTENT_TYPE[xlsx ? 'xlsx' : 'csv'],
		'content-disposition': `attachment; filename="export.${xlsx ? 'xlsx' : 'csv'}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
		'cache-control': 'no-store'
	};
}

/**
 * A download whose body is written as it is sent. `done` runs once the body is finished, fails
 * or the client goes away (to release what the export holds).
 */
export function stream<T>(
	format: string | null,
	meta: Meta,
	columns: Column<T>[],
	rows: Rows<T>,
	done: () => void = () => {}
): Response {
	const xlsx = format === 'xlsx';
	const out = new PassThrough();
	out.once('close', done);
	writeTo(out, format, meta, columns, rows).catch((e) => out.destroy(e));
	return new Response(Readable.toWeb(out) as ReadableStream, {
		headers: downloadHeaders(`${meta.name}.${xlsx ? 'xlsx' : 'csv'}`, xlsx)
	});
}

/** A download response for `format` ('csv' or 'xlsx'): templates and small lists. */
export async function download<T>(
	format: string | null,
	name: string,
	columns: Column<T>[],
	rows: Rows<T>,
	meta: Partial<Meta> = {}
): Promise<Response> {
	return stream(format, { name, ...meta }, columns, rows);
}
