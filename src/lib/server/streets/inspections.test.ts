import { describe, expect, it } from 'vitest';
import * as inspections from './inspections';
import * as standards from './standards';
import { DomainError } from '../forms';
import { SYSTEM } from '../actor';
import { makeMerchant, makeStreet } from '../testing/factories';

function draftWithBlank() {
	const street = makeStreet(SYSTEM, 'yueyang');
	const m = makeMerchant(SYSTEM, street.id);
	const draft = inspections.start(SYSTEM, { merchantId: m.id });
	const items = standards.byId(draft.standardId)!.items;
	const blank = items.find((i) => !i.veto)!;
	const scores = items.map((i) => ({
		itemId: i.id,
		points: i.id === blank.id ? null : i.maxPoints,
		vetoHit: false,
		note: ''
	}));
	return { draft, blank, scores };
}

describe('inspection rules, for every caller', () => {
	it('keeps a draft with a blank score but refuses to submit it, naming the item', () => {
		const { draft, blank, scores } = draftWithBlank();
		expect(inspections.save(SYSTEM, draft.id, { scores }).inspection.status).toBe('draft');
		expect(() => inspections.save(SYSTEM, draft.id, { scores }, true)).toThrow(
			new RegExp(`还有 1 项未打分（${blank.code}）`)
		);
		expect(inspections.byId(draft.id)?.status).toBe('draft');
	});

	it('refuses a missing or future inspection date beside the date field', () => {
		const { draft, scores } = draftWithBlank();
		const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
		for (const inspectedOn of ['', tomorrow]) {
			try {
				inspections.save(SYSTEM, draft.id, { scores, inspectedOn });
				expect.unreachable();
			} catch (e) {
				expect(e).toBeInstanceOf(DomainError);
				expect((e as DomainError).field).toBe('inspectedOn');
			}
		}
	});
});
