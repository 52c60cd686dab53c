/**
 * Spreadsheets in and out: CSV (UTF-8, UTF-8 with BOM, GB18030/GBK as Excel saves it on Chinese
 * Windows) and XLSX, read into rows of trimmed strings keyed by header; and every list exported as
 * CSV (formula-looking cells escaped) or XLSX.
 */
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';

// exceljs is large: loaded on the first spreadsheet, not with the server.
const loadExcel = async () => (await import('exceljs')).default;

export type Sheet = { headers: string[]; rows: { line: number; cells: Record<string, string> }[] };

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
 * The index of the header row: the first of the top rows holding every expected column, else the
 * one holding most of them, else the first row.
 */
function headerIndex(matrix: string[][], expected: readonly string[]): number {
	if (!expected.length) return 0;
	let best = 0;
	let bestHits = 0;
	for (let i = 0; i < Math.min(matrix.length, HEADER_SEARCH_ROWS); i++) {
		const cells = new Set((matrix[i] ?? []).map((c) => cleanHeader(String(c ?? ''))));
		const hits = expected.filter((c) => cells.has(c)).length;
		if (hits === expected.length) return i;
		if (hits > bestHits) [best, bestHits] = [i, hits];
	}
	return best;
}

function toSheet(matrix: string[][], firstLine: number, expected: readonly string[]): Sheet {
	const at = headerIndex(matrix, expected);
	const head = matrix[at];
	if (!head) throw new TabularError('文件是空的：第一行应为列名');
	const headers = head.map((h) => cleanHeader(String(h ?? '')));
	const rows: Sheet['rows'] = [];
	for (let i = at + 1; i < matrix.length; i++) {
		const r = matrix[i];
		if (r.every((c) => String(c ?? '').trim() === '')) continue;
		const cells: Record<string, string> = {};
		headers.forEach((h, j) => {
			if (h) cells[h] = String(r[j] ?? '').trim();
		});
		rows.push({ line: firstLine + i, cells });
	}
	return { headers, rows };
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

/**
 * Reads the first sheet of a CSV or XLSX file into rows keyed by header. The header is the first
 * row, or — given the `expected` columns — the top row that holds them, below any title rows.
 * Each row keeps its line number in the file.
 */
export async function readSheet(
	bytes: Uint8Array,
	filename = '',
	expected: readonly string[] = []
): Promise<Sheet> {
	if (isXlsx(bytes, filename)) {
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
		const ws = wb.worksheets[0];
		if (!ws) throw new TabularError('Excel 文件里没有工作表');
		const matrix: string[][] = [];
		let firstLine = 0;
		ws.eachRow({ includeEmpty: true }, (row, n) => {
			if (!firstLine) firstLine = n;
			const values = (row.values as ExcelJS.CellValue[]).slice(1);
			matrix[n - firstLine] = values.map(cellText);
		});
		for (let i = 0; i < matrix.length; i++) matrix[i] ??= [];
		return toSheet(matrix, firstLine || 1, expected);
	}
	if (bytes.includes(0)) throw new TabularError('无法识别的文件格式，请上传 CSV 或 .xlsx 文件');
	let matrix: string[][];
	try {
		matrix = parse(decodeText(bytes), {
			relax_column_count: true,
			skip_empty_lines: false,
			bom: true
		});
	} catch (e) {
		const line = (e as { lines?: number }).lines;
		throw new TabularError(`CSV 格式有误${line ? `（约第 ${line} 行）` : ''}：请检查引号是否成对`);
	}
	return toSheet(matrix, 1, expected);
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

export type Column<T> = {
	header: string;
	value: (row: T) => string | number | null | undefined;
	width?: number;
};

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function escapeCsvCell(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv<T>(columns: Column<T>[], rows: Iterable<T>): string {
	const lines = [columns.map((c) => escapeCsvCell(c.header)).join(',')];
	for (const r of rows)
		lines.push(columns.map((c) => escapeCsvCell(String(c.value(r) ?? ''))).join(','));
	// A BOM so that Excel on Chinese Windows opens UTF-8 correctly.
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function toXlsx<T>(
	sheetName: string,
	columns: Column<T>[],
	rows: Iterable<T>
): Promise<Uint8Array> {
	const wb = new (await loadExcel()).Workbook();
	wb.creator = '诚信松江';
	const ws = wb.addWorksheet(sheetName.slice(0, 31));
	ws.columns = columns.map((c) => ({
		header: c.header,
		width: c.width ?? Math.max(10, c.header.length * 2 + 4)
	}));
	ws.getRow(1).font = { bold: true };
	ws.views = [{ state: 'frozen', ySplit: 1 }];
	for (const r of rows) ws.addRow(columns.map((c) => c.value(r) ?? ''));
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

export type Rendered = { body: Uint8Array | string; filename: string; xlsx: boolean };

/** The file of `rows` as XLSX (`format` 'xlsx') or CSV; the name may be Chinese. */
export async function render<T>(
	format: string | null,
	name: string,
	columns: Column<T>[],
	rows: Iterable<T>
): Promise<Rendered> {
	const xlsx = format === 'xlsx';
	const body = xlsx ? await toXlsx(name, columns, rows) : toCsv(columns, rows);
	return { body, filename: `${name}.${xlsx ? 'xlsx' : 'csv'}`, xlsx };
}

/** A download response for a rendered file. */
export function respond({ body, filename, xlsx }: Rendered): Response {
	return new Response(body as BodyInit, {
		headers: {
			'content-type': xlsx
				? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
				: 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="export.${xlsx ? 'xlsx' : 'csv'}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
			'cache-control': 'no-store'
		}
	});
}

/** A download response for `format` ('csv' or 'xlsx'). */
export async function download<T>(
	format: string | null,
	name: string,
	columns: Column<T>[],
	rows: Iterable<T>
): Promise<Response> {
	return respond(await render(format, name, columns, rows));
}
