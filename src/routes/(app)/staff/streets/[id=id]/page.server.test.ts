import { describe, expect, it } from 'vitest';
import { inspections, standards } from '$lib/server/streets';
import { makeUser } from '$lib/server/testing/factories';
import {
	inspectMerchant,
	makeMerchant,
	makeStreet,
	scoresFor
} from '$lib/server/testing/factories';
import { load } from './+page.server';

describe('street page', () => {
	it("lists the street's own inspections however many its merchants have had since", async () => {
		const admin = await makeUser('district_admin');
		const street = makeStreet(admin, 'yueyang');
		const m = makeMerchant(admin, street.id);
		const earlier = new Date(Date.now() - 30 * 86_400_000);
		const draft = inspections.start(admin, { streetId: street.id }, earlier);
		const std = standards.byId(draft.standardId)!;
		inspections.save(admin, draft.id, { scores: scoresFor(std.items, 90) }, true, earlier);
		for (let i = 0; i < 51; i++) inspectMerchant(admin, m.id, 80 + (i % 15));
		const data = (await load({
			locals: { user: admin },
			params: { id: String(street.id) },
			url: new URL(`http://localhost/staff/streets/${street.id}`)
		} as never)) as { inspections: { id: number; kind: string }[] };
		expect(data.inspections.map((i) => i.id)).toEqual([draft.id]);
		expect(data.inspections.every((i) => i.kind === 'street')).toBe(true);
	});
});
