import { describe, expect, it } from 'vitest';
import { cardLayout } from './columns';

describe('a list’s phone layout', () => {
	it('carries every label as a CSS string, the heading (first by default) and the status', () => {
		expect(cardLayout(['商户', { num: '动态分' }, { label: '等级', as: 'status' }, ''])).toEqual({
			style: '--l1:"商户";--l2:"动态分";--l3:"等级";--l4:none',
			heading: 1,
			status: 3
		});
		expect(cardLayout(['日期', { label: '商户', as: 'heading' }]).heading).toBe(2);
	});

	it('escapes what would end the string', () => {
		expect(cardLayout(['a"b\\c']).style).toBe('--l1:"a\\"b\\\\c"');
	});
});
