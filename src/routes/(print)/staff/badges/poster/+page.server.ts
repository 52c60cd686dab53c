import * as badges from '$lib/server/badges';
import { directory } from '$lib/server/public';
import { requireCan, visibleTowns } from '$lib/server/access';
import * as query from '$lib/server/query';
import * as towns from '$lib/server/towns';
import { todayISO } from '$lib/format';
import type { PageServerLoad } from './$types';

/** A document to print: no client-side app. */
export const csr = false;

/** As many names as a notice board's A4 sheet holds in big type; the QR leads to the rest. */
const POSTER_NAMES = 24;
const POSTER_NOTICES = 6;

/**
 * 公示栏: the red list and the revoked-badge notices of a town (the officer's own when it holds
 * one) or of the district, for a notice board. Public information, as /redlist shows it.
 */
export const load: PageServerLoad = async (event) => {
	const u = requireCan(event, 'view', 'badge');
	const mine = visibleTowns(u);
	const chosen = query.params(event.url, { town: query.town }).town;
	const town = chosen ?? (u.role !== 'district_admin' && mine.length === 1 ? mine[0] : undefined);
	const red = directory.redList({ town, pageSize: POSTER_NAMES });
	const revoked = directory
		.revoked()
		.filter((n) => !town || n.townName === town.name)
		.slice(0, POSTER_NOTICES);
	const url = `${badges.origin()}/redlist${town ? `?town=${town.slug}` : ''}`;
	return {
		place: town?.name ?? '松江区',
		town: town?.slug ?? '',
		towns: towns.list().map((t) => ({ slug: t.slug, name: t.name })),
		red: red.items.map((r) => ({ id: r.id, name: r.name, street: r.streetName })),
		more: Math.max(0, red.total - red.items.length),
		revoked: revoked.map((n) => ({
			id: n.badgeId,
			name: n.merchantName,
			street: n.streetName,
			serial: n.serial,
			on: todayISO(n.revokedAt),
			reason: n.reason
		})),
		url,
		qrSvg: (await badges.drawQr(url)).svg,
		date: todayISO(),
		warning: badges.printWarning()
	};
};
