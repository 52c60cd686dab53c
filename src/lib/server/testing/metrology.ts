/** Metrology demonstration units, from a town slug and a kind to a valid input. */
import * as metrology from '../metrology';
import * as towns from '../towns';
import * as inspections from '../streets/inspections';
import * as standards from '../streets/standards';
import { makeUscc, scoresFor } from './streets';
import type { Actor } from '../actor';
import type { UnitInput } from '../../schemas/metrology';

let n = 0;

export function unitInput(town = 'sheshan', over: Partial<UnitInput> = {}): UnitInput {
	n += 1;
	const t = towns.bySlug(town);
	if (!t) throw new Error(`unknown town ${town}`);
	return {
		name: `${t.name.replace(/(街道|镇)$/, '')}农贸市场 ${n}`,
		kind: 'wet_market',
		uscc: makeUscc(),
		townId: t.id,
		address: `${t.name}菜场路 ${n} 号`,
		contactName: '市场管理办',
		contactPhone: '',
		lat: 31.09,
		lng: 121.2,
		...over
	};
}

export function makeUnit(actor: Actor, town = 'sheshan', over: Partial<UnitInput> = {}) {
	return metrology.create(actor, unitInput(town, over));
}

/** Starts and submits an inspection of a unit with the given total. */
export function inspectUnit(actor: Actor, unitId: number, total: number, now = new Date()) {
	const draft = inspections.start(actor, { unitId }, now);
	const std = standards.byId(draft.standardId)!;
	return inspections.save(actor, draft.id, { scores: scoresFor(std.items, total) }, true, now);
}
