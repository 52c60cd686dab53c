/**
 * Text for Leaflet. `bindTooltip(string)` and `bindPopup(string)` set `innerHTML`, and names on
 * the map come from imported spreadsheets: a stored name is handed over escaped, or as a DOM node
 * whose text is set, never as markup.
 */

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** The string with every character that means something in HTML written as an entity. */
export function escapeHtml(s: unknown): string {
	return String(s ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A span holding the text as text: for `bindTooltip`, which takes a node as it is. */
export function textNode(s: unknown): HTMLElement {
	const el = document.createElement('span');
	el.textContent = String(s ?? '');
	return el;
}
