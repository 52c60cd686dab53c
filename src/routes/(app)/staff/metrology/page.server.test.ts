import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { makeUnit, makeUser } from '$lib/server/testing/factories';
import { requestEvent } from '$lib/server/testing/requests';
import { load } from './+page.server';
import ListPage from './+page.svelte';

describe('the staff list of metrology units', () => {
	it('searches by name in the box its filter form shows', async () => {
		const officer = await makeUser('town_officer', ['yexie']);
		const a = makeUnit(officer, 'yexie', { name: '叶榭鲜果农贸市场' });
		makeUnit(officer, 'yexie', { name: '叶榭平价超市', kind: 'supermarket' });
		const data = (await load(
			requestEvent(officer, `/staff/metrology?q=${encodeURIComponent('鲜果')}`) as never
		)) as { list: { items: { id: number }[] } };
		expect(data.list.items.map((u) => u.id)).toEqual([a.id]);
		const html = render(ListPage, { props: { data: data as never, params: {} } as never }).body;
		expect(html).toMatch(/<input[^>]*name="q"[^>]*value="鲜果"/);
		expect(html).toContain('<label for="mf-q">搜索</label>');
	});
});
