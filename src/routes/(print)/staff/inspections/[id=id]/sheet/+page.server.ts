import { loadFor, requireUser } from '$lib/server/access';
import { inspections } from '$lib/server/streets';
import type { PageServerLoad } from './$types';

/** A document to print: no client-side app. */
export const csr = false;

/**
 * The inspection sheet to sign on site: a draft prints blank score boxes to fill in by hand, a
 * submitted inspection prints its scores and notes.
 */
export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	const d = loadFor(
		u,
		'view',
		'inspection',
		inspections.detail(Number(event.params.id)),
		(r) => r.townId,
		'检查记录不存在'
	);
	const filled = d.inspection.status === 'submitted';
	const scores = new Map(d.scores.map((s) => [s.itemId, s]));
	return {
		id: d.inspection.id,
		kind: d.inspection.kind,
		filled,
		inspectedOn: filled ? d.inspection.inspectedOn : '',
		total: filled ? d.inspection.total : null,
		result: filled ? d.inspection.result : null,
		summary: filled ? d.inspection.summary : '',
		standard: { name: d.standard.name, version: d.standard.version },
		items: d.standard.items.map((it) => {
			const s = filled ? scores.get(it.id) : undefined;
			return {
				id: it.id,
				code: it.code,
				groupName: it.groupName,
				text: it.text,
				maxPoints: it.maxPoints,
				veto: it.veto,
				points: s && !it.veto ? s.points : null,
				vetoHit: s && it.veto ? s.vetoHit : null,
				note: s?.note ?? ''
			};
		}),
		inspectors: filled ? d.inspectors.map((i) => i.displayName) : [],
		...inspections.subjectOf(d.inspection)
	};
};
