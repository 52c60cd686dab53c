import { expect, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

/** One query on the server's own database, read-only: what an export must hold, counted apart. */
export function sql<T = Record<string, unknown>>(query: string, ...params: unknown[]): T[] {
	const db = new Database(process.env.E2E_DATABASE_URL!, { readonly: true });
	try {
		return db.prepare(query).all(...params) as T[];
	} finally {
		db.close();
	}
}

/** Writes to the server's database, for a test that needs a record the demo lacks. */
export function write(query: string, ...params: unknown[]) {
	const db = new Database(process.env.E2E_DATABASE_URL!);
	try {
		db.prepare(query).run(...params);
	} finally {
		db.close();
	}
}

export const townId = (slug: string) =>
	sql<{ id: number }>('SELECT id FROM town WHERE slug = ?', slug)[0].id;

/** An export as CSV: status 200, then its rows keyed by the Chinese headings. */
export async function csv(request: APIRequestContext, url: string) {
	const res = await request.get(`${url}${url.includes('?') ? '&' : '?'}format=csv`);
	expect(res.status(), url).toBe(200);
	expect(res.headers()['content-type']).toContain('text/csv');
	const text = (await res.text()).replace(/^\uFEFF/, '');
	return { text, rows: parse(text, { columns: true }) as Record<string, string>[] };
}

/** An export as XLSX read back with exceljs: its one sheet. */
export async function xlsx(request: APIRequestContext, url: string) {
	const res = await request.get(`${url}${url.includes('?') ? '&' : '?'}format=xlsx`);
	expect(res.status(), url).toBe(200);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
	return wb.worksheets[0];
}
