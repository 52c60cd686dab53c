/** Credit-town applications: a town files evidence for every item; the district scores it. */
import * as creditTowns from '../credit-towns';
import * as towns from '../towns';
import * as standards from '../streets/standards';
import { storeAttachment, type StoredFile } from '../files/uploads';
import { scoresFor } from './streets';
import type { Actor } from '../actor';

/** A one-page PDF, stored as an evidence file. */
export async function evidencePdf(name = '佐证材料.pdf'): Promise<StoredFile> {
	const pdf = '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
	return storeAttachment(new File([pdf], name, { type: 'application/pdf' }));
}

/** Starts the town's application and files a statement and one PDF for every scored item. */
export async function applyCreditTown(
	actor: Actor,
	town = 'yueyang',
	opts: { submit?: boolean; now?: Date } = {}
) {
	const t = towns.bySlug(town);
	if (!t) throw new Error(`unknown town ${town}`);
	const app = creditTowns.start(actor, t.id, opts.now);
	const std = standards.byId(app.standardId)!;
	const scored = std.items.filter((i) => !i.veto);
	const add = [];
	for (const it of scored)
		add.push({ itemId: it.id, file: await evidencePdf(`${it.code}佐证.pdf`) });
	return creditTowns.save(
		actor,
		app.id,
		{
			note: `${t.name}信用街镇示范创建申报`,
			texts: scored.map((it) => ({ itemId: it.id, text: `${t.name}：${it.text}，已落实。` }))
		},
		{ add },
		opts.submit ?? true,
		opts.now
	);
}

/** Accepts a submitted application and submits its review with the given total. */
export function reviewCreditTown(
	admin: Actor,
	id: number,
	total: number,
	opts: { summary?: string; now?: Date; accept?: boolean } = {}
) {
	if (opts.accept ?? true) creditTowns.accept(admin, id, opts.now);
	else creditTowns.openReview(admin, id, opts.now);
	const app = creditTowns.byId(id)!;
	const std = standards.byId(app.standardId)!;
	return creditTowns.score(
		admin,
		id,
		{ scores: scoresFor(std.items, total), summary: opts.summary ?? '' },
		true,
		opts.now
	);
}
