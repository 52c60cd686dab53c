/**
 * A column of a staff list: its header text, `{ num: text }` for a right-aligned number, or
 * `{ label, as }` for the cell that heads the row's card on a phone (`heading`, the first column
 * when none says so) or sits beside it as its badge (`status`). Below 640 px every row is a card:
 * the heading, the status, then each other cell under its column's label.
 */
export type Column =
	string | { num: string } | { label: string; as?: 'heading' | 'status'; num?: boolean };

export function labelOf(c: Column): string {
	return typeof c === 'string'
		? c
		: 'num' in c && typeof c.num === 'string'
			? c.num
			: (c as { label: string }).label;
}

export function isNum(c: Column): boolean {
	return typeof c !== 'string' && (typeof c.num === 'string' || c.num === true);
}

/**
 * What the table carries for its phone layout: each column's label as a CSS string in a custom
 * property (`--l1`, `--l2`…, read by `td:nth-child(n)::before`), and which columns (1-based) are
 * the card's heading and status. One DOM for both layouts, nothing done in the browser.
 */
export function cardLayout(columns: Column[]) {
	const style = columns
		.map((c, i) => `--l${i + 1}:${labelOf(c) ? cssString(labelOf(c)) : 'none'}`)
		.join(';');
	const as = (role: 'heading' | 'status') =>
		columns.findIndex((c) => typeof c === 'object' && 'as' in c && c.as === role) + 1;
	return { style, heading: as('heading') || 1, status: as('status') || undefined };
}

function cssString(s: string) {
	return `"${s.replace(/[\\"]/g, (ch) => `\\${ch}`).replace(/[\n\r]/g, ' ')}"`;
}

export function classOf(c: Column): string | undefined {
	const extra = typeof c === 'object' && 'class' in c ? c.class : undefined;
	return [isNum(c) && 'num', extra].filter(Boolean).join(' ') || undefined;
}
