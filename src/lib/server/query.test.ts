import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import * as query from './query';

const LEVELS = ['model', 'honest', 'none'] as const;
const spec = { town: query.town, street: query.id, level: query.oneOf(LEVELS) };

function read(search: string) {
	return query.list(new URL(`http://x/list?${search}`), spec);
}

function message(search: string): string {
	try {
		read(search);
	} catch (e) {
		if (isHttpError(e) && e.status === 400) return e.body.message;
		throw e;
	}
	throw new Error('accepted');
}

describe('one list query', () => {
	it('reads town as a slug, paging and filters', () => {
		const q = read('town=sheshan&street=3&level=model&page=2&pageSize=20&q=%20面馆%20');
		expect(q.filters.town?.slug).toBe('sheshan');
		expect(q.filters).toMatchObject({ street: 3, level: 'model' });
		expect(q).toMatchObject({ page: 2, pageSize: 20, offset: 20, limit: 20, q: '面馆' });
	});

	it('defaults: first page of 50, no filters', () => {
		const q = read('');
		expect(q).toMatchObject({ page: 1, pageSize: 50, offset: 0 });
		expect(q.filters).toEqual({ town: undefined, street: undefined, level: undefined });
	});

	it('a bad value is a 400 naming the parameter, in Chinese', () => {
		expect(message('town=3')).toContain('town');
		expect(message('town=nowhere')).toContain('拼音标识');
		expect(message('street=abc')).toContain('street');
		expect(message('level=gold')).toContain('model');
		expect(message('page=0')).toContain('page');
		expect(message(`pageSize=${query.MAX_PAGE_SIZE + 1}`)).toContain(`${query.MAX_PAGE_SIZE}`);
		expect(message(`q=${'长'.repeat(61)}`)).toContain('q');
	});
});
