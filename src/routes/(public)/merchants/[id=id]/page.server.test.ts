import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import * as metrology from '$lib/server/metrology';
import {
	inspectUnit,
	makeMerchant,
	makeStreet,
	makeUnit,
	makeUser
} from '$lib/server/testing/factories';
import { requestEvent } from '$lib/server/testing/requests';
import { load as merchantLoad } from './+page.server';
import MerchantPage from './+page.svelte';

describe("a merchant's public page", () => {
	it('names the market the merchant trades in, linking to the unit page once it is named', async () => {
		const officer = await makeUser('town_officer', ['yexie']);
		const unit = makeUnit(officer, 'yexie', { name: '叶榭中心农贸市场' });
		const m = makeMerchant(officer, makeStreet(officer, 'yexie').id);
		const page = async () => {
			const event = {
				...(requestEvent(null, `/merchants/${m.id}`, { id: String(m.id) }) as object),
				setHeaders: () => {}
			};
			const data = (await merchantLoad(event as never)) as object;
			return render(MerchantPage, { props: { data: data as never, params: {} } as never }).body;
		};
		expect(await page()).not.toContain('所属市场');
		metrology.attachMerchant(officer, unit.id, m.uscc);
		const building = await page();
		expect(building).toContain('所属市场');
		expect(building).toContain('叶榭中心农贸市场');
		expect(building).not.toContain(`href="/metrology/${unit.id}"`);
		inspectUnit(officer, unit.id, 92);
		expect(await page()).toContain(`href="/metrology/${unit.id}"`);
	});
});
