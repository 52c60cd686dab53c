import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import * as events from '.';
import * as forms from '../forms';
import { eventFormSchema } from '../../schemas/events';
import { makeUser } from '../testing/factories';

function statusOf(run: () => unknown): { status: number; message: string } | null {
	try {
		run();
		return null;
	} catch (e) {
		if (isHttpError(e)) return { status: e.status, message: e.body.message };
		throw e;
	}
}

const url = (q: string) => new URL(`http://x/staff/events?${q}`);

describe('event list parameters', () => {
	it('take the town as a slug, refuse another town with 403 and a bad value with 400 naming it', async () => {
		const officer = await makeUser('town_officer', ['sijing']);
		const { filter, values } = events.readFilter(url('town=sijing&from=2026-01-01'), officer);
		expect(filter.townId).toBeGreaterThan(0);
		expect(values).toMatchObject({ town: 'sijing', from: '2026-01-01' });
		expect(statusOf(() => events.readFilter(url('town=sheshan'), officer))?.status).toBe(403);
		for (const [q, name] of [
			['town=8', 'town'],
			['theme=abc', 'theme'],
			['from=2026-02-30', 'from'],
			['from=2026-03-01&to=2026-02-01', 'to'],
			['page=0', 'page']
		]) {
			const r = statusOf(() => events.readFilter(url(q), officer));
			expect(r?.status, q).toBe(400);
			expect(r?.message, q).toContain(`参数 ${name} 有误`);
		}
	});

	it('read the month and the period, defaulting to now, with 400 for bad ones', () => {
		expect(events.readMonth(url(''))).toMatch(/^\d{4}-\d{2}$/);
		expect(events.readMonth(url('month=2026-05'))).toBe('2026-05');
		expect(statusOf(() => events.readMonth(url('month=2026-13')))?.status).toBe(400);
		const year = events.readPeriod(url(''));
		expect(year.from.slice(5)).toBe('01-01');
		expect(year.to.slice(5)).toBe('12-31');
		expect(statusOf(() => events.readPeriod(url('from=2026-05-01&to=2026-04-01')))?.status).toBe(
			400
		);
	});
});

describe('event form', () => {
	function form(fields: Record<string, string | string[]>) {
		const f = new FormData();
		for (const [k, v] of Object.entries(fields))
			for (const one of Array.isArray(v) ? v : [v]) f.append(k, one);
		return f;
	}
	const base = {
		title: '诚信进社区宣讲',
		townId: '1',
		themeId: '1',
		formId: '1',
		startDate: '2026-05-09',
		participants: '40'
	};

	it('fails with values and errors only, and the rule that an event ends after it starts', () => {
		const r = forms.parse(form({ ...base, endDate: '2026-05-01' }), eventFormSchema, {
			lists: ['removePhoto']
		});
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(Object.keys(r.failure.data)).toEqual(['values', 'errors']);
		expect(r.failure.data.errors.endDate).toBe('结束日期不能早于开始日期');
		expect(r.failure.data.values.title).toBe('诚信进社区宣讲');
	});

	it('reads the map point, the public flag and the photos to remove', () => {
		const r = forms.parse(
			form({ ...base, locationLat: '31.03', locationLng: '121.22', removePhoto: ['3', '5'] }),
			eventFormSchema,
			{ lists: ['removePhoto'] }
		);
		expect(r.ok && r.data).toMatchObject({
			input: { lat: 31.03, lng: 121.22, isPublic: false, endDate: '2026-05-09' },
			removePhoto: [3, 5]
		});
		const far = forms.parse(
			form({ ...base, locationLat: '39.9', locationLng: '116.4' }),
			eventFormSchema
		);
		expect(!far.ok && far.failure.data.errors.location).toContain('不在松江区附近');
	});
});
