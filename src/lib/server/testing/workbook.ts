/**
 * Workbooks shaped as offices keep them — a merged title row, a unit and date line, the header
 * with a 序号 column, date cells, a blank row, then 合计 and 填表人/审核人 lines, and a sheet of
 * instructions before it — written with write-excel-file, not with the library the app reads
 * with. And the import actions called as a browser posts them.
 */
import { requestEvent } from './requests';
import type { SessionUser } from '../auth/session';

type Value = string | number | Date | null;

function cell(v: Value) {
	if (v === null) return null;
	if (v instanceof Date) return { value: v, type: Date, format: 'yyyy"年"m"月"d"日"' };
	if (typeof v === 'number') return { value: v, type: Number };
	return { value: v };
}

export type OfficeSheet = {
	/** The sheet's name (汇总表). */
	name: string;
	/** The merged title (松江区××镇2026年…汇总表). */
	title: string;
	header: string[];
	rows: Value[][];
};

/** A workbook: a 填表说明 sheet first, then each office sheet. */
export async function officeWorkbook(...sheets: OfficeSheet[]): Promise<Uint8Array> {
	const { default: writeExcelFile } = await import('write-excel-file/node');
	const shaped = sheets.map((s) => {
		const width = s.header.length + 1;
		const line = (
			...cells: (ReturnType<typeof cell> | { value: string; columnSpan: number })[]
		) => [...cells, ...Array(Math.max(0, width - cells.length)).fill(null)];
		const [first, ...rest] = s.rows;
		const numbered = (r: Value[], i: number) => line(cell(i + 1), ...r.map(cell));
		return {
			sheet: s.name,
			data: [
				line({ value: s.title, columnSpan: width }, ...Array(width - 1).fill(null)),
				line(cell('填报单位：（盖章）'), ...Array(width - 3).fill(null), cell('单位：家')),
				line(...['序号', ...s.header].map(cell)),
				...(first ? [numbered(first, 0)] : []),
				line(),
				...rest.map((r, i) => numbered(r, i + 1)),
				line(cell('合计'), cell(`${s.rows.length} 家`)),
				line(
					cell('填表人：张三'),
					null,
					cell('审核人：李四'),
					null,
					cell('填表日期：2026年12月1日')
				)
			]
		};
	});
	const buffer = await writeExcelFile([
		{
			sheet: '填表说明',
			data: [
				[{ value: '填表说明' }],
				[{ value: '1. 请按汇总表格式逐行填写，日期填写到日。' }],
				[{ value: '2. 合计行和签名行不要删除。' }]
			]
		},
		...shaped
	]).toBuffer();
	return new Uint8Array(buffer);
}

/** The event of a multipart POST of `fields` (a `File` among them) to `path` by `user`. */
export function postEvent(
	user: SessionUser,
	path: string,
	params: Record<string, string>,
	fields: Record<string, string | File>
) {
	const event = requestEvent(user, path, params) as unknown as { url: URL; request: Request };
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.append(k, v);
	return { ...event, request: new Request(event.url, { method: 'POST', body }) } as never;
}

/** The file of a workbook, as an upload field. */
export function xlsxFile(bytes: Uint8Array, name: string): File {
	return new File([bytes as BlobPart], name, {
		type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	});
}
